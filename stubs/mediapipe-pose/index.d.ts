export declare class Pose {
  constructor(config?: unknown);
}
