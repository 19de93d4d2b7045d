import * as THREE from 'three';
import type { RoomSpec } from '../scene/clipSpec';
import { PART } from '../scene/parts';
import { seededRandom, type Random } from '../scene/random';
import { solidIdMaterial } from './idMaterial';
import type { SceneMesh } from './actor';

/**
 * The three rooms, built from boxes, cylinders and canvas textures (no downloaded assets):
 * a plain wall, a cluttered living room, and the living room at dusk with one lamp on.
 * World frame: floor at y = 0, the person near the origin side-on to a camera on +z; the back wall
 * stands at z = -WALL_DISTANCE.
 */
const WALL_DISTANCE = 2.4;

function canvasTexture(size: number, draw: (g: CanvasRenderingContext2D) => void): THREE.Texture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('no 2d canvas');
  draw(g);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  return texture;
}

function hsl(h: number, s: number, l: number): string {
  return `hsl(${Math.round(h)}, ${Math.round(s)}%, ${Math.round(l)}%)`;
}

function woodFloor(r: Random): THREE.Texture {
  const hue = r.range(20, 38);
  return canvasTexture(256, (g) => {
    for (let row = 0; row < 8; row++) {
      for (let plank = 0; plank < 3; plank++) {
        g.fillStyle = hsl(hue, r.range(30, 45), r.range(32, 48));
        g.fillRect(plank * 96 - (row % 2) * 40, row * 32, 96, 32);
      }
      g.fillStyle = 'rgba(0,0,0,0.25)';
      g.fillRect(0, row * 32, 256, 2);
    }
  });
}

function painting(r: Random): THREE.Texture {
  return canvasTexture(128, (g) => {
    g.fillStyle = hsl(r.range(0, 360), r.range(20, 60), r.range(55, 85));
    g.fillRect(0, 0, 128, 128);
    for (let i = 0; i < 6; i++) {
      g.fillStyle = hsl(r.range(0, 360), r.range(30, 80), r.range(25, 70));
      g.beginPath();
      g.arc(r.range(10, 118), r.range(10, 118), r.range(8, 40), 0, Math.PI * 2);
      g.fill();
    }
  });
}

function rugTexture(r: Random): THREE.Texture {
  const hue = r.range(0, 360);
  return canvasTexture(128, (g) => {
    g.fillStyle = hsl(hue, 40, 35);
    g.fillRect(0, 0, 128, 128);
    g.strokeStyle = hsl(hue + 40, 45, 70);
    g.lineWidth = 6;
    g.strokeRect(10, 10, 108, 108);
    g.strokeRect(30, 30, 68, 68);
  });
}

export interface Room {
  readonly group: THREE.Group;
  readonly meshes: readonly SceneMesh[];
  /** The floor's wood or carpet, where a mat or shadow lies. */
  readonly floorY: number;
}

export function buildRoom(spec: RoomSpec): Room {
  const r = seededRandom(spec.seed);
  const group = new THREE.Group();
  const meshes: SceneMesh[] = [];
  const add = (
    geometry: THREE.BufferGeometry,
    color: THREE.Material,
    part: number,
    at: THREE.Vector3Tuple,
    rotY = 0,
  ): THREE.Mesh => {
    const mesh = new THREE.Mesh(geometry, color);
    mesh.position.set(...at);
    mesh.rotation.y = rotY;
    group.add(mesh);
    meshes.push({ mesh, colorMaterial: color, idMaterial: solidIdMaterial(part) });
    return mesh;
  };
  const lambert = (color: string | THREE.Texture): THREE.MeshLambertMaterial =>
    typeof color === 'string'
      ? new THREE.MeshLambertMaterial({ color: new THREE.Color(color) })
      : new THREE.MeshLambertMaterial({ map: color });
  const floor = woodFloor(r);
  floor.repeat.set(6, 6);
  add(
    new THREE.PlaneGeometry(14, 12).rotateX(-Math.PI / 2),
    lambert(floor),
    PART.background,
    [0, 0, 0],
  );
  const wallColor = hsl(r.range(0, 360), r.range(5, 30), r.range(62, 86));
  add(new THREE.PlaneGeometry(14, 4), lambert(wallColor), PART.background, [0, 2, -WALL_DISTANCE]);
  add(
    new THREE.PlaneGeometry(12, 4),
    lambert(wallColor),
    PART.background,
    [-5.5, 2, 3],
    Math.PI / 2,
  );
  add(
    new THREE.PlaneGeometry(12, 4),
    lambert(wallColor),
    PART.background,
    [5.5, 2, 3],
    -Math.PI / 2,
  );
  add(new THREE.BoxGeometry(14, 0.1, 0.02), lambert('#f2efe8'), PART.background, [
    0,
    0.05,
    -WALL_DISTANCE + 0.01,
  ]);
  // The ceiling closes the box where a low camera looks up past the walls' top.
  add(
    new THREE.PlaneGeometry(14, 12).rotateX(Math.PI / 2),
    lambert('#f4f2ee'),
    PART.background,
    [0, 4, 3],
  );
  if (spec.kind !== 'plain-wall') furnish(r, add, lambert);
  return { group, meshes, floorY: 0 };
}

type Add = (
  g: THREE.BufferGeometry,
  m: THREE.Material,
  part: number,
  at: THREE.Vector3Tuple,
  rotY?: number,
) => THREE.Mesh;
type Lambert = (c: string | THREE.Texture) => THREE.MeshLambertMaterial;

/** Sofa, shelf with books, plant, lamp, pictures, rug, window: placed with the room's seed. */
function furnish(r: Random, add: Add, lambert: Lambert): void {
  const z = -WALL_DISTANCE;
  const sofaX = r.range(-2.6, -0.8);
  const fabric = hsl(r.range(0, 360), r.range(15, 45), r.range(25, 55));
  add(new THREE.BoxGeometry(2.0, 0.42, 0.85), lambert(fabric), PART.prop, [sofaX, 0.21, z + 0.5]);
  add(new THREE.BoxGeometry(2.0, 0.45, 0.2), lambert(fabric), PART.prop, [sofaX, 0.62, z + 0.12]);
  for (const end of [-1, 1]) {
    add(new THREE.BoxGeometry(0.18, 0.6, 0.85), lambert(fabric), PART.prop, [
      sofaX + end * 1.0,
      0.3,
      z + 0.5,
    ]);
  }
  for (let i = 0; i < 2; i++) {
    add(new THREE.BoxGeometry(0.4, 0.35, 0.12), lambert(hsl(r.range(0, 360), 50, 60)), PART.prop, [
      sofaX - 0.5 + i,
      0.6,
      z + 0.3,
    ]);
  }
  const shelfX = r.range(1.2, 2.8);
  const wood = hsl(r.range(20, 40), 35, r.range(25, 45));
  add(new THREE.BoxGeometry(0.9, 1.8, 0.32), lambert(wood), PART.prop, [shelfX, 0.9, z + 0.17]);
  for (let level = 0; level < 4; level++) {
    let x = shelfX - 0.4;
    while (x < shelfX + 0.38) {
      const w = r.range(0.03, 0.07);
      const h = r.range(0.22, 0.32);
      add(
        new THREE.BoxGeometry(w, h, 0.22),
        lambert(hsl(r.range(0, 360), r.range(30, 70), r.range(25, 65))),
        PART.prop,
        [x + w / 2, 0.12 + level * 0.44 + h / 2, z + 0.36],
      );
      x += w + 0.005;
    }
  }
  const plantX = r.pick([-3.4, 3.4, shelfX + 0.8]);
  add(new THREE.CylinderGeometry(0.18, 0.14, 0.35, 12), lambert('#8a5a3c'), PART.prop, [
    plantX,
    0.175,
    z + 0.5,
  ]);
  for (let i = 0; i < 7; i++) {
    add(
      new THREE.SphereGeometry(r.range(0.14, 0.24), 8, 6),
      lambert(hsl(r.range(90, 140), 45, r.range(22, 38))),
      PART.prop,
      [plantX + r.range(-0.2, 0.2), 0.5 + r.range(0, 0.7), z + 0.5 + r.range(-0.15, 0.15)],
    );
  }
  const lampX = sofaX + r.pick([-1.35, 1.35]);
  add(new THREE.CylinderGeometry(0.015, 0.015, 1.5, 6), lambert('#333333'), PART.prop, [
    lampX,
    0.75,
    z + 0.4,
  ]);
  add(new THREE.CylinderGeometry(0.15, 0.25, 0.3, 14, 1, true), lambert('#f3e6c8'), PART.prop, [
    lampX,
    1.55,
    z + 0.4,
  ]);
  for (let i = 0; i < 3; i++) {
    const w = r.range(0.35, 0.7);
    const h = r.range(0.3, 0.6);
    const frame = add(
      new THREE.BoxGeometry(w + 0.05, h + 0.05, 0.03),
      lambert('#2b2b2b'),
      PART.background,
      [r.range(-3, 3), r.range(1.5, 2.1), z + 0.02],
    );
    add(new THREE.PlaneGeometry(w, h), lambert(painting(r)), PART.background, [
      frame.position.x,
      frame.position.y,
      z + 0.04,
    ]);
  }
  add(
    new THREE.PlaneGeometry(2.6, 1.8).rotateX(-Math.PI / 2),
    lambert(rugTexture(r)),
    PART.background,
    [r.range(-0.8, 0.8), 0.004, r.range(-0.6, 0.2)],
  );
  add(
    new THREE.BoxGeometry(1.1, 1.2, 0.02),
    new THREE.MeshBasicMaterial({ color: new THREE.Color(hsl(205, 40, 78)) }),
    PART.background,
    [r.pick([-4.0, 4.0]), 1.6, z + 0.01],
  );
}

/** Daylight, or a dim evening with a warm lamp; `exposure` scales both. */
export function buildLights(spec: RoomSpec): THREE.Group {
  const group = new THREE.Group();
  const evening = spec.kind === 'evening';
  const e = spec.exposure;
  group.add(
    new THREE.HemisphereLight(evening ? 0x9aa4c0 : 0xffffff, 0x5a4a3a, (evening ? 0.9 : 1.6) * e),
  );
  const key = new THREE.DirectionalLight(evening ? 0xffc890 : 0xfff4e8, (evening ? 1.2 : 2.0) * e);
  key.position.set(evening ? -2 : 2.5, 3.5, 4);
  group.add(key);
  if (evening) {
    const lamp = new THREE.PointLight(0xffb070, 6 * e, 8, 1.5);
    lamp.position.set(-1.5, 1.6, -1.6);
    group.add(lamp);
  }
  return group;
}
