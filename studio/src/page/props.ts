import * as THREE from 'three';
import type { PropSpec } from '../scene/clipSpec';
import { PART } from '../scene/parts';
import { solidIdMaterial } from './idMaterial';
import type { SceneMesh } from './actor';

/**
 * What the stretches need: a low step, a chair, a floor mat, and a strap (drawn each frame from
 * the hands to the foot it loops round).
 */
export interface Props {
  readonly group: THREE.Group;
  readonly meshes: readonly SceneMesh[];
  /** Redraws the strap between the hands and the toes (world metres); hidden when null. */
  setStrap(ends: { hands: THREE.Vector3[]; foot: THREE.Vector3 } | null): void;
  /** Moves prop `index` (in the spec's order) to a new floor position. */
  place(index: number, x: number, z: number): void;
}

function box(w: number, h: number, d: number, color: string, at: THREE.Vector3Tuple): SceneMesh {
  const colorMaterial = new THREE.MeshLambertMaterial({ color: new THREE.Color(color) });
  const mesh = new THREE.Mesh(new THREE.BoxGeometry(w, h, d), colorMaterial);
  mesh.position.set(...at);
  return { mesh, colorMaterial, idMaterial: solidIdMaterial(PART.prop) };
}

function placed(spec: PropSpec, parts: SceneMesh[]): THREE.Group {
  const group = new THREE.Group();
  for (const p of parts) group.add(p.mesh);
  group.position.set(spec.x, 0, spec.z);
  group.rotation.y = (spec.headingDeg * Math.PI) / 180;
  return group;
}

export function buildProps(specs: readonly PropSpec[]): Props {
  const group = new THREE.Group();
  const meshes: SceneMesh[] = [];
  let strap: SceneMesh | null = null;
  const groups: (THREE.Group | null)[] = [];
  for (const spec of specs) {
    const h = spec.heightM;
    let parts: SceneMesh[] = [];
    if (spec.kind === 'step') {
      // A wooden step, 45 cm wide, 30 cm deep, with a darker tread.
      parts = [
        box(0.45, h - 0.02, 0.3, '#8b6b4a', [0, (h - 0.02) / 2, 0]),
        box(0.46, 0.02, 0.31, '#5a4030', [0, h - 0.01, 0]),
      ];
    } else if (spec.kind === 'chair') {
      const seat = 0.42;
      parts = [box(seat, 0.04, seat, '#6f4e37', [0, h - 0.02, 0])];
      for (const [x, z] of [
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ] as const) {
        parts.push(
          box(0.035, h - 0.04, 0.035, '#4a3424', [
            (x * seat) / 2.3,
            (h - 0.04) / 2,
            (z * seat) / 2.3,
          ]),
        );
      }
      // The backrest behind the seat (the sitter faces +z of the chair).
      parts.push(box(0.035, 0.45, 0.035, '#4a3424', [-seat / 2.3, h + 0.22, -seat / 2.3]));
      parts.push(box(0.035, 0.45, 0.035, '#4a3424', [seat / 2.3, h + 0.22, -seat / 2.3]));
      parts.push(box(seat, 0.12, 0.03, '#6f4e37', [0, h + 0.36, -seat / 2.3]));
    } else if (spec.kind === 'mat') {
      parts = [box(0.61, h, 1.83, '#5b6fa8', [0, h / 2, 0])];
    } else {
      const material = new THREE.MeshLambertMaterial({ color: new THREE.Color('#c8402a') });
      const mesh = new THREE.Mesh(new THREE.BufferGeometry(), material);
      mesh.frustumCulled = false;
      strap = { mesh, colorMaterial: material, idMaterial: solidIdMaterial(PART.strap) };
      group.add(mesh);
      meshes.push(strap);
      groups.push(null);
      continue;
    }
    const propGroup = placed(spec, parts);
    groups.push(propGroup);
    group.add(propGroup);
    meshes.push(...parts);
  }
  return {
    group,
    meshes,
    place(index, x, z) {
      groups[index]?.position.set(x, 0, z);
    },
    setStrap(ends) {
      if (strap === null) return;
      strap.mesh.visible = ends !== null;
      if (ends === null) return;
      const geometries = ends.hands.map((hand) => {
        const path = new THREE.LineCurve3(hand, ends.foot);
        return new THREE.TubeGeometry(path, 1, 0.012, 5, false);
      });
      strap.mesh.geometry.dispose();
      strap.mesh.geometry = mergeTubes(geometries);
    },
  };
}

/** Two tubes as one geometry (positions and normals; they are not textured). */
function mergeTubes(parts: THREE.BufferGeometry[]): THREE.BufferGeometry {
  const positions: number[] = [];
  const normals: number[] = [];
  for (const part of parts) {
    const geometry = part.toNonIndexed();
    positions.push(...(geometry.getAttribute('position').array as Float32Array));
    normals.push(...(geometry.getAttribute('normal').array as Float32Array));
  }
  const merged = new THREE.BufferGeometry();
  merged.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
  merged.setAttribute('normal', new THREE.Float32BufferAttribute(normals, 3));
  return merged;
}
