import * as THREE from 'three';
import type { OutfitSpec, PersonSpec } from '../scene/clipSpec';
import type { LegacyModelJson } from './mh/legacyJson';
import { bodyGeometry, buildHuman, type Human } from './rig/human';
import { fitProxy } from './rig/proxy';
import { ActorRig } from './rig/applyPose';
import { personIdMaterial } from './idMaterial';

/**
 * A person in the scene: body, eyes, eyebrows, hair and clothes as skinned meshes on one
 * skeleton, each with a colour material and an id material (idMaterial.ts).
 */
export interface SceneMesh {
  readonly mesh: THREE.Mesh;
  readonly colorMaterial: THREE.Material;
  readonly idMaterial: THREE.Material;
}

export interface Actor {
  readonly human: Human;
  readonly rig: ActorRig;
  readonly group: THREE.Group;
  readonly meshes: readonly SceneMesh[];
}

const textures = new THREE.TextureLoader();

async function loadJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function loadTexture(url: string): Promise<THREE.Texture> {
  const texture = await textures.loadAsync(url);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.flipY = true;
  return texture;
}

interface ProxyJson extends LegacyModelJson {
  readonly materials: readonly { readonly mapDiffuse?: string }[];
}

interface LoadedProxy {
  readonly model: ProxyJson;
  readonly texture: THREE.Texture | null;
}

async function loadProxy(folder: string, name: string, texture?: string): Promise<LoadedProxy> {
  const base = `/mh/proxies/${folder}/${name}`;
  const model = await loadJson<ProxyJson>(`${base}/${name}.json`);
  const map = texture ?? model.materials[0]?.mapDiffuse;
  return { model, texture: map === undefined ? null : await loadTexture(`${base}/${map}`) };
}

function skinnedMesh(
  geometry: THREE.BufferGeometry,
  human: Human,
  colorMaterial: THREE.Material,
  idMaterial: THREE.Material,
): SceneMesh {
  const mesh = new THREE.SkinnedMesh(geometry, colorMaterial);
  mesh.bind(human.skeleton, new THREE.Matrix4());
  mesh.frustumCulled = false;
  return { mesh, colorMaterial, idMaterial };
}

export async function buildActor(
  baseModel: LegacyModelJson,
  positions: Float32Array,
  person: PersonSpec,
  outfit: OutfitSpec,
): Promise<Actor> {
  const human = buildHuman(baseModel, positions);
  const meshes: SceneMesh[] = [];
  const hidden = new Uint8Array(positions.length / 3);
  const skinJson = await loadJson<{ mapDiffuse: string }>(
    `/mh/skins/${person.skin}/${person.skin}.json`,
  );
  const skinTexture = await loadTexture(`/mh/skins/${person.skin}/${skinJson.mapDiffuse}`);
  const garments: SceneMesh[] = [];
  for (const garment of outfit.garments) {
    const proxy = await loadProxy('clothes', garment.proxy);
    const fitted = fitProxy(proxy.model, human);
    if (fitted.hides !== null) fitted.hides.forEach((h, v) => (hidden[v] = hidden[v] || h));
    const material = new THREE.MeshLambertMaterial({
      map: proxy.texture,
      color: new THREE.Color().setRGB(...garment.tint, THREE.SRGBColorSpace),
      side: THREE.DoubleSide,
    });
    garments.push(skinnedMesh(fitted.geometry, human, material, personIdMaterial(null)));
  }
  const body = new THREE.MeshLambertMaterial({ map: skinTexture });
  meshes.push(skinnedMesh(bodyGeometry(human, hidden), human, body, personIdMaterial(null)));
  meshes.push(...garments);
  const extras: [string, string, readonly [number, number, number], string?][] = [
    ['eyes', 'Low-Poly', [1, 1, 1], 'textures/brown_eye.png'],
    ['eyebrows', person.eyebrows, person.hairTint],
  ];
  if (person.hair !== null) extras.push(['hair', person.hair, person.hairTint]);
  for (const [folder, name, tint, texture] of extras) {
    const proxy = await loadProxy(folder, name, texture);
    const fitted = fitProxy(proxy.model, human);
    const cutout = folder === 'eyes' ? null : proxy.texture;
    const material = new THREE.MeshLambertMaterial({
      map: proxy.texture,
      color: new THREE.Color().setRGB(...tint, THREE.SRGBColorSpace),
      alphaTest: cutout === null ? 0 : 0.5,
      side: THREE.DoubleSide,
    });
    meshes.push(skinnedMesh(fitted.geometry, human, material, personIdMaterial(cutout)));
  }
  const group = new THREE.Group();
  const root = meshes[0]?.mesh;
  if (root === undefined) throw new Error('actor: no body mesh');
  root.add(human.rootBone);
  for (const m of meshes) group.add(m.mesh);
  const rig = new ActorRig(human, { geometries: meshes.map((m) => m.mesh.geometry) });
  return { human, rig, group, meshes };
}
