/**
 * The session layer: the recorder (pure) and its live writer, IndexedDB storage, report and
 * history maths (pure), export and import, and the settings store.
 */
export type * from './sessionRecord';
export { SESSION_SCHEMA_VERSION } from './sessionRecord';
export type { MeasureSample, SampleBlock } from './sampleBlock';
export { EMPTY_SAMPLES, sampleCount } from './sampleBlock';
export type { RecorderInit, RecorderState, ResumeInit } from './recorder';
export {
  FLUSH_INTERVAL_MS,
  SAMPLE_INTERVAL_MS,
  chunkDue,
  recordCue,
  recordEvents,
  recordMeasures,
  resumeRecorder,
  startRecorder,
  takeChunk,
} from './recorder';
export type { RecordingClock, RecordingOptions, RecordingStatus } from './sessionRecording';
export {
  SessionRecording,
  finaliseInterrupted,
  finaliseRecord,
  finishedReport,
} from './sessionRecording';
export { flushWhenPageHides } from './pageLifecycle';
export { UNLOAD_STASH_KEY, clearStash, recoverStash, stashChunks } from './unloadStash';
export type {
  AddSessionsResult,
  FinishedReport,
  SessionListEntry,
  SessionStore,
  StoredSession,
} from './sessionStore';
export { interruptedSessions } from './sessionStore';
export { DexieSessionStore, DEFAULT_DATABASE_NAME } from './dexieSessionStore';
export {
  SessionExistsError,
  SessionNotFoundError,
  StorageFullError,
  StorageUnavailableError,
  isQuotaError,
} from './storageErrors';
export type * from './reportTypes';
export type { SessionSummary } from './reportSummary';
export { buildSessionReport } from './reportSession';
export type { ChartBand, ChartData, ChartSeries } from './reportCharts';
export { stretchCharts } from './reportCharts';
export type * from './reportHistory';
export { SESSIONS_PER_WEEK, buildHistory } from './reportHistory';
export * from './reportFormat';
export { sessionsCsv } from './reportCsv';
export { exportFileName, exportSessionsJson } from './sessionExport';
export type { ImportProblem, ImportResult, ParseResult } from './sessionImport';
export {
  MAX_IMPORT_BYTES,
  checkImportSize,
  importSessionFile,
  parseSessionFile,
} from './sessionImport';
export type {
  KeyValueStorage,
  ModelSetting,
  Settings,
  SettingsLoad,
  SettingsProblem,
} from './settingsStore';
export {
  DEFAULT_SETTINGS,
  MODEL_SETTING_IDS,
  SETTING_LABELS,
  SPEECH_RATE_RANGE,
  SettingsStore,
  SettingsValidationError,
  browserLocalStorage,
  validateSettings,
} from './settingsStore';
