import * as THREE from 'three';
import type { ClipSpec, FramePoses } from '../scene/clipSpec';
import { PART } from '../scene/parts';
import type { LegPose } from '../scene/pose';
import type { LegacyModelJson } from './mh/legacyJson';
import { buildActor, type Actor, type SceneMesh } from './actor';
import { buildLights, buildRoom } from './room';
import { buildProps, type Props } from './props';
import { chooseVertexLandmarks, landmarkPositions, type LandmarkTable } from './rig/landmarks';
import { LANDMARK_NAMES } from '../scene/landmarkNames';

/**
 * The render page. Node drives it through `window.studio` (see node/pageSession.ts): load a clip,
 * then render its frames one by one. Each frame's pixels (RGBA, bottom row first as WebGL reads
 * them) and its id pass (one byte per pixel) are POSTed to the studio's server as one binary body;
 * the landmarks come back as the call's result.
 */

export interface FrameResult {
  /** World positions (metres) of the main person's landmarks, LANDMARK_NAMES order, x y z. */
  readonly world: number[];
  /** Image pixels (x right, y down, origin at the top-left corner of the image). */
  readonly image: number[];
  /** Distance in front of the camera (metres), per landmark. */
  readonly depthM: number[];
  /** The legs as posed after contacts were solved (the rig's own angles). */
  readonly legs: { readonly left: LegPose; readonly right: LegPose };
}

interface ClipScene {
  readonly spec: ClipSpec;
  readonly scene: THREE.Scene;
  readonly camera: THREE.PerspectiveCamera;
  readonly main: Actor;
  readonly passerBy: Actor | null;
  readonly props: Props;
  readonly meshes: readonly SceneMesh[];
  readonly idTarget: THREE.WebGLRenderTarget;
  readonly color: Uint8Array;
  readonly ids: Uint8Array;
}

let baseModel: LegacyModelJson | null = null;
let landmarkTable: LandmarkTable | null = null;
let renderer: THREE.WebGLRenderer | null = null;
let clip: ClipScene | null = null;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function init(): Promise<void> {
  if (baseModel !== null) return;
  const response = await fetch('/mh/models/human_full_size.json');
  baseModel = (await response.json()) as LegacyModelJson;
}

function tableFor(actor: Actor, model: LegacyModelJson): LandmarkTable {
  const positions = Float32Array.from(model.vertices);
  const body = new Set<number>();
  for (const t of actor.human.bodyTriangles) for (const c of t.corners) body.add(c.vertex);
  const part = actor.human.part;
  return chooseVertexLandmarks({
    positions,
    bodyVertices: [...body].sort((a, b) => a - b),
    isHead: (v) => part[v] === PART.headLeft || part[v] === PART.headRight,
    isFoot: (v, left) => part[v] === (left ? PART.footLeft : PART.footRight),
  });
}

async function loadClip(spec: ClipSpec): Promise<void> {
  await init();
  const model = baseModel as LegacyModelJson;
  if (clip !== null) disposeClip(clip);
  const { widthPx, heightPx } = spec.camera;
  renderer ??= new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: false });
  renderer.setPixelRatio(1);
  renderer.setSize(widthPx, heightPx, false);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0x000000);
  const room = buildRoom(spec.room);
  scene.add(room.group, buildLights(spec.room));
  const props = buildProps(spec.props);
  scene.add(props.group);
  const mainPositions = new Float32Array(await fetchBytes(`/person/${spec.person.id}.bin`));
  const main = await buildActor(model, mainPositions, spec.person, spec.outfit);
  scene.add(main.group);
  let passerBy: Actor | null = null;
  if (spec.passerBy !== null) {
    const positions = new Float32Array(await fetchBytes(`/person/${spec.passerBy.person.id}.bin`));
    passerBy = await buildActor(model, positions, spec.passerBy.person, spec.passerBy.outfit);
    // The passer-by is one id: not the main person.
    for (const m of passerBy.meshes) {
      const colors = m.mesh.geometry.getAttribute('color');
      for (let i = 0; i < colors.count; i++) colors.setX(i, PART.passerBy / 255);
    }
    scene.add(passerBy.group);
  }
  landmarkTable ??= tableFor(main, model);
  placeUnderHeel(spec, main, props);
  const c = spec.camera;
  const camera = new THREE.PerspectiveCamera(c.fovDeg, widthPx / heightPx, 0.05, 40);
  camera.position.set(...c.position);
  camera.lookAt(new THREE.Vector3(...c.lookAt));
  camera.rotateZ((c.rollDeg * Math.PI) / 180);
  camera.updateMatrixWorld(true);
  const idTarget = new THREE.WebGLRenderTarget(widthPx, heightPx, { depthBuffer: true });
  const meshes = [...room.meshes, ...props.meshes, ...main.meshes, ...(passerBy?.meshes ?? [])];
  clip = {
    spec,
    scene,
    camera,
    main,
    passerBy,
    props,
    meshes,
    idTarget,
    color: new Uint8Array(widthPx * heightPx * 4),
    ids: new Uint8Array(widthPx * heightPx * 4),
  };
}

/** Centres each `underHeel` prop under the heel of its reference pose (see PropSpec). */
function placeUnderHeel(spec: ClipSpec, main: Actor, props: Props): void {
  spec.props.forEach((prop, i) => {
    if (prop.underHeel === undefined || landmarkTable === null) return;
    main.rig.apply(prop.underHeel.pose);
    const points = landmarkPositions(main.human, landmarkTable);
    const heel = points[LANDMARK_NAMES.indexOf(`${prop.underHeel.side}_heel`)];
    if (heel === undefined) return;
    const rad = (prop.headingDeg * Math.PI) / 180;
    const forward = new THREE.Vector3(Math.sin(rad), 0, Math.cos(rad));
    const along =
      heel
        .clone()
        .sub(new THREE.Vector3(prop.x, 0, prop.z))
        .dot(forward) + 0.04;
    props.place(i, prop.x + forward.x * along, prop.z + forward.z * along);
  });
}

function disposeClip(old: ClipScene): void {
  old.idTarget.dispose();
  old.scene.traverse((o) => {
    if (o instanceof THREE.Mesh) (o.geometry as THREE.BufferGeometry).dispose();
  });
  for (const m of old.meshes) {
    m.colorMaterial.dispose();
    m.idMaterial.dispose();
  }
}

async function renderFrame(frame: FramePoses, index: number): Promise<FrameResult> {
  if (clip === null || renderer === null || landmarkTable === null)
    throw new Error('no clip loaded');
  const { scene, camera, main, passerBy, props, meshes, spec } = clip;
  const legs = main.rig.apply(frame.main);
  const points = landmarkPositions(main.human, landmarkTable);
  if (passerBy !== null) {
    passerBy.group.visible = frame.passerBy !== null;
    if (frame.passerBy !== null) passerBy.rig.apply(frame.passerBy);
  }
  const at = (name: string): THREE.Vector3 =>
    points[LANDMARK_NAMES.indexOf(name as never)] ?? new THREE.Vector3();
  props.setStrap(
    frame.strapSide === null
      ? null
      : {
          hands: [at('left_index'), at('right_index')],
          foot: at(`${frame.strapSide}_foot_index`)
            .clone()
            .add(new THREE.Vector3(0, 0.03, 0)),
        },
  );
  const gl = renderer.getContext();
  const { widthPx, heightPx } = spec.camera;
  renderer.setRenderTarget(null);
  renderer.render(scene, camera);
  gl.readPixels(0, 0, widthPx, heightPx, gl.RGBA, gl.UNSIGNED_BYTE, clip.color);
  for (const m of meshes) m.mesh.material = m.idMaterial;
  const background = scene.background;
  scene.background = new THREE.Color(0, 0, 0);
  renderer.setRenderTarget(clip.idTarget);
  renderer.clear();
  renderer.render(scene, camera);
  renderer.readRenderTargetPixels(clip.idTarget, 0, 0, widthPx, heightPx, clip.ids);
  renderer.setRenderTarget(null);
  scene.background = background;
  for (const m of meshes) m.mesh.material = m.colorMaterial;
  const pixels = widthPx * heightPx;
  const body = new Uint8Array(pixels * 5);
  body.set(clip.color, 0);
  for (let i = 0; i < pixels; i++) body[pixels * 4 + i] = clip.ids[4 * i] ?? 0;
  // As a Blob: Chromium uploads a typed-array body through a slow copy (about 800 ms for these
  // 1.5 MB against 50-90 ms as a Blob, measured here under load).
  const posted = await fetch(`/frame?index=${index}`, { method: 'POST', body: new Blob([body]) });
  if (!posted.ok) throw new Error(`frame ${index}: the server said ${posted.status}`);
  const world: number[] = [];
  const image: number[] = [];
  const depthM: number[] = [];
  const view = new THREE.Vector3();
  for (const p of points) {
    world.push(p.x, p.y, p.z);
    const ndc = p.clone().project(camera);
    image.push(((ndc.x + 1) / 2) * widthPx, ((1 - ndc.y) / 2) * heightPx);
    view.copy(p).applyMatrix4(camera.matrixWorldInverse);
    depthM.push(-view.z);
  }
  return { world, image, depthM, legs };
}

declare global {
  interface Window {
    studio: {
      loadClip: typeof loadClip;
      renderFrame: typeof renderFrame;
    };
  }
}

window.studio = { loadClip, renderFrame };
