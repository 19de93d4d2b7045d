import { requireChromium } from './chromium';
import { prepareFakeWebcam } from './fakeWebcam';

export default function globalSetup(): void {
  requireChromium();
  prepareFakeWebcam();
}
