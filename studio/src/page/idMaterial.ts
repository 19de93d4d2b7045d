import * as THREE from 'three';

/**
 * Materials for the id pass (see scene/parts.ts): each pixel's red channel is the part it shows.
 * A person's part ids ride on the vertex colour attribute; the varying is made `flat` so a
 * triangle spanning two parts shows one of them rather than a blend that would read as a third.
 * Hair cards keep their texture's alpha cut-out, so the silhouette is the hair's, not the cards'.
 */

function patchToId(material: THREE.MeshBasicMaterial): THREE.MeshBasicMaterial {
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader.replace(
      '#include <color_pars_vertex>',
      'flat varying vec4 vColor;',
    );
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <color_pars_fragment>', 'flat varying vec4 vColor;')
      .replace(
        '#include <dithering_fragment>',
        '#include <dithering_fragment>\n\tgl_FragColor = vec4( vColor.rgb, 1.0 );',
      );
  };
  material.customProgramCacheKey = () => `studio-id-${material.alphaTest > 0 ? 'cut' : 'solid'}`;
  return material;
}

/** For a skinned person mesh: the part from the vertex colours, alpha-cut by `cutout` if any. */
export function personIdMaterial(cutout: THREE.Texture | null): THREE.MeshBasicMaterial {
  return patchToId(
    new THREE.MeshBasicMaterial({
      vertexColors: true,
      map: cutout,
      alphaTest: cutout === null ? 0 : 0.5,
      side: THREE.DoubleSide,
    }),
  );
}

/** For a prop or the room: one id for the whole mesh. */
export function solidIdMaterial(part: number): THREE.MeshBasicMaterial {
  const material = new THREE.MeshBasicMaterial({ color: new THREE.Color(part / 255, 0, 0) });
  // Written as is: no tone mapping or colour-space conversion may touch an id.
  material.onBeforeCompile = (shader) => {
    shader.fragmentShader = shader.fragmentShader.replace(
      '#include <dithering_fragment>',
      '#include <dithering_fragment>\n\tgl_FragColor = vec4( diffuse, 1.0 );',
    );
  };
  material.customProgramCacheKey = () => 'studio-id-solid-prop';
  return material;
}
