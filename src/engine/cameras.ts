import { listCameras, type CameraDevice } from '../camera/webcamSource';

export type CameraChoice = CameraDevice;

/** Cameras to offer; an empty list when the browser will not say. */
export function listCameraDevices(): Promise<readonly CameraChoice[]> {
  return listCameras().catch(() => []);
}
