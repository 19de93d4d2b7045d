import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  EMPTY_ANGLE_TOOL,
  addAnglePoint,
  pointFromClick,
  toolAngleDeg,
} from '../../review/angleTool';
import { nextFault } from '../../review/reviewTimeline';
import { notesNear } from '../../review/annotations';
import { poseAt } from '../../review/poseTrack';
import type { ClipNote } from '../../review/annotations';
import type { AngleTool } from '../../review/angleTool';
import type { StoredClip } from '../../review/clipTypes';
import type { FaultMarker } from '../../review/reviewTimeline';
import { useStore } from '../useStore';
import { AnglePanel } from './AnglePanel';
import { canvasToFrame, drawOverlay, pictureBox } from './overlayDrawing';
import type { PlayerModel } from './playerModel';
import { PlayerControls } from './PlayerControls';
import { useFullscreen } from './useFullscreen';

interface Props {
  readonly clip: StoredClip;
  readonly player: PlayerModel;
  /** The player's accessible name, e.g. "Clip player" or "Left clip". */
  readonly label: string;
  readonly faults?: readonly FaultMarker[];
  readonly notes?: readonly ClipNote[];
  /** Offer the angle tool (the review screen does; the side-by-side view does not). */
  readonly angleTool?: boolean;
  readonly testId?: string;
}

/** A click this close to a keypoint (in the model's frame pixels, ~480 on the long side) snaps. */
const SNAP_FRAME_PX = 15;
/** Notes within this much of the moment shown are written over the picture. */
const NOTE_WINDOW_MS = 1_500;

function typingInto(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * A clip with its skeleton drawn from the stored pose track at the frame shown, and the controls
 * to play, pause, step frame by frame and slow down. Keyboard: Space plays or pauses, ← and →
 * step a frame, Shift+← and Shift+→ jump 5 s, [ and ] go to the previous or next fault, F fills
 * the screen with the player and Escape leaves.
 */
export function ClipPlayer({
  clip,
  player,
  label,
  faults = [],
  notes = [],
  angleTool,
  testId,
}: Props) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const playerRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(playerRef);
  const [angle, setAngle] = useState<AngleTool>(EMPTY_ANGLE_TOOL);
  const [measuring, setMeasuring] = useState(false);
  const url = useMemo(() => URL.createObjectURL(clip.video), [clip.video]);
  const time = useStore(player.time);
  const frame = clip.track.imageSize;

  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useEffect(() => (video === null ? undefined : player.attach(video)), [player, video]);

  const angleDeg = toolAngleDeg(angle);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null || video === null) return;
    const draw = (): void => {
      const { ms } = player.time.getSnapshot();
      const drawn = drawOverlay(canvas, video, {
        pose: poseAt(clip.track, ms),
        angle,
        angleDeg,
        frameWidthPx: frame.widthPx,
        frameHeightPx: frame.heightPx,
      });
      canvas.dataset['keypointsDrawn'] = String(drawn);
    };
    draw();
    const resize = new ResizeObserver(draw);
    resize.observe(canvas);
    video.addEventListener('loadeddata', draw);
    const unsubscribe = player.time.subscribe(draw);
    return () => {
      unsubscribe();
      resize.disconnect();
      video.removeEventListener('loadeddata', draw);
    };
  }, [player, video, clip.track, angle, angleDeg, frame.widthPx, frame.heightPx]);

  const jumpToFault = (direction: 1 | -1): void => {
    const fault = nextFault(faults, player.time.getSnapshot().ms, direction);
    if (fault === null) return;
    player.pause();
    player.seek(fault.startMs);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (typingInto(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const now = player.time.getSnapshot().ms;
    const handled = (run: () => void) => {
      event.preventDefault();
      run();
    };
    if (event.key === ' ' || event.key === 'k') {
      if (event.target instanceof HTMLButtonElement && event.key === ' ') return;
      handled(() => player.toggle());
    } else if (event.key === 'ArrowRight')
      handled(() => (event.shiftKey ? player.seek(now + 5_000) : player.step(1)));
    else if (event.key === 'ArrowLeft')
      handled(() => (event.shiftKey ? player.seek(now - 5_000) : player.step(-1)));
    else if (event.key === ']') handled(() => jumpToFault(1));
    else if (event.key === '[') handled(() => jumpToFault(-1));
    else if (event.key === 'f' || event.key === 'F') handled(() => fullscreen.toggle());
    else if (event.key === 'Escape' && fullscreen.active) handled(() => fullscreen.leave());
    else if (event.key === 'Escape' && measuring) handled(() => setAngle(EMPTY_ANGLE_TOOL));
  };

  const onPictureClick = (event: MouseEvent<HTMLCanvasElement>): void => {
    const canvas = canvasRef.current;
    if (!measuring || canvas === null || video === null) return;
    player.pause();
    const rect = canvas.getBoundingClientRect();
    const point = canvasToFrame(
      pictureBox(canvas, video),
      event.clientX - rect.left,
      event.clientY - rect.top,
      { frameWidthPx: frame.widthPx, frameHeightPx: frame.heightPx },
    );
    if (point === null) return;
    const pose = poseAt(clip.track, player.time.getSnapshot().ms);
    setAngle((tool) => addAnglePoint(tool, pointFromClick(point, pose, SNAP_FRAME_PX)));
  };

  const near = notesNear(notes, time.ms, NOTE_WINDOW_MS);
  return (
    <div
      ref={playerRef}
      className={fullscreen.active ? 'clip-player clip-player-fullscreen' : 'clip-player'}
      role="group"
      aria-label={label}
      aria-keyshortcuts="Space ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight [ ] F"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId ?? 'clip-player'}
      data-time-ms={Math.round(time.ms)}
    >
      <div
        className="stage clip-stage"
        style={{ aspectRatio: `${frame.widthPx} / ${frame.heightPx}` }}
      >
        <video
          ref={setVideo}
          className="camera"
          src={url}
          muted
          playsInline
          preload="auto"
          aria-label={`${label}: video`}
        />
        <canvas
          ref={canvasRef}
          className={measuring ? 'overlay measuring' : 'overlay'}
          data-testid="clip-overlay"
          aria-hidden="true"
          onClick={onPictureClick}
        />
        {near.length > 0 && (
          <ul className="notes-over-picture" aria-hidden="true">
            {near.map((n) => (
              <li key={n.id}>
                {n.author !== null && <strong>{n.author}: </strong>}
                {n.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      <PlayerControls
        player={player}
        time={time}
        faults={faults}
        onFault={jumpToFault}
        fullscreen={fullscreen}
      />
      {angleTool === true && (
        <AnglePanel
          measuring={measuring}
          onMeasuring={(on) => {
            setMeasuring(on);
            if (on) player.pause();
            else setAngle(EMPTY_ANGLE_TOOL);
          }}
          tool={angle}
          onTool={setAngle}
          angleDeg={angleDeg}
          pose={poseAt(clip.track, time.ms)}
          keypointNames={clip.track.keypointNames}
        />
      )}
    </div>
  );
}
