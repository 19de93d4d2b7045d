interface ImportMetaEnv {
  /** The service worker's cache for this build's model weights (scripts/vite-plugin-offline.ts). */
  readonly VITE_MODELS_CACHE: string;
}
