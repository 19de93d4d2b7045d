// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer table of DESIGN.md §2. Each layer lists the layers it may NOT import; the
 * `no-restricted-imports` rules below are generated from it so the table is the one place to
 * change. `types` marks layers a folder may import types from but not code.
 */
const LAYERS = [
  'geometry',
  'pose',
  'camera',
  'protocol',
  'feedback',
  'session',
  'review',
  'engine',
  'ui',
];
const MAY_IMPORT = {
  geometry: [],
  pose: [], // plus geometry/types, handled below
  camera: [],
  protocol: ['geometry'],
  feedback: ['protocol', 'geometry'],
  session: ['protocol', 'feedback', 'geometry'],
  review: ['geometry', 'pose', 'camera', 'protocol', 'feedback', 'session'],
  // The bundled demo: a simulated person (the parametric body model) and what it acts out.
  demo: ['geometry', 'protocol'],
  engine: ['geometry', 'pose', 'camera', 'protocol', 'feedback', 'session', 'review', 'demo'],
  ui: ['engine'],
};
/** Layers whose types (only) a folder may import. */
const MAY_IMPORT_TYPES = {
  pose: ['geometry'],
  camera: LAYERS.filter((l) => l !== 'camera'),
  feedback: [],
  session: [],
  ui: LAYERS.filter((l) => l !== 'ui'),
};
const WHY = 'DESIGN.md §2: lower layers never import higher ones';

/** Patterns matching imports of `layer` from any other folder. */
function layerPatterns(layer) {
  return [`**/${layer}`, `**/${layer}/**`, `../${layer}`, `../${layer}/**`];
}

function layerRules(layer) {
  const allowed = new Set([layer, ...MAY_IMPORT[layer]]);
  const typeOnly = new Set(MAY_IMPORT_TYPES[layer] ?? []);
  const patterns = [];
  for (const other of LAYERS) {
    if (allowed.has(other)) continue;
    if (layer === 'pose' && other === 'geometry') {
      patterns.push({
        regex: '(^|/)geometry(/(?!types$).*)?$',
        message: `${WHY}: pose/ may only import geometry/types.`,
      });
      continue;
    }
    patterns.push({
      group: layerPatterns(other),
      allowTypeImports: typeOnly.has(other),
      message: `${WHY}: ${layer}/ may not import ${other}/${typeOnly.has(other) ? ' (types only)' : ''}.`,
    });
  }
  if (layer !== 'pose') {
    patterns.push({
      group: ['@tensorflow/*', '@tensorflow-models/*', '@mediapipe/*'],
      message: 'Only src/pose/ talks to TF.js; other layers use the PoseEstimator interface.',
    });
  }
  if (layer !== 'review') {
    patterns.push({
      group: ['mediabunny'],
      message: 'Only src/review/ reads and writes video files; others use its frame sources.',
    });
  }
  const pure = ['geometry', 'protocol', 'demo'].includes(layer);
  if (pure || layer === 'pose' || layer === 'camera') {
    patterns.push({
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: `${layer}/ has no UI; React belongs in ui/.`,
    });
  }
  if (layer !== 'pose') {
    patterns.push({
      group: ['node:*'],
      message: 'Node built-ins belong in src/pose/node/ and scripts.',
    });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

/** Pure layers take time as an argument (DESIGN.md §1), so tests can use a fake clock. */
const READS_THE_CLOCK = [
  { object: 'Date', property: 'now', message: 'Pure layers take nowMs as an argument.' },
  { object: 'performance', property: 'now', message: 'Pure layers take nowMs as an argument.' },
  { object: 'Math', property: 'random', message: 'Pure layers are deterministic.' },
];
const PURE_FOLDERS = [
  'src/geometry/**',
  'src/demo/**',
  'src/protocol/**',
  'src/feedback/cue*/**',
  'src/feedback/cue*.ts',
  'src/session/recorder*.ts',
  'src/session/report*/**',
  'src/session/report*.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'models',
      'stubs',
      'test-results',
      'playwright-report',
      'artifacts',
      // Local, gitignored one-off scripts.
      'scratch-tmp',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...LAYERS.map(layerRules),
  {
    files: PURE_FOLDERS,
    rules: { 'no-restricted-properties': ['error', ...READS_THE_CLOCK] },
  },
  {
    // DESIGN.md §2: only feedback/speech* touches speechSynthesis; only camera/ and review/
    // touch media capture.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/feedback/speech*', 'src/feedback/speech*/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'speechSynthesis', message: 'Only src/feedback/speech* may speak.' },
        { name: 'SpeechSynthesisUtterance', message: 'Only src/feedback/speech* may speak.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/camera/**', 'src/review/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'navigator',
          property: 'mediaDevices',
          message: 'Only src/camera/ opens cameras.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='MediaRecorder']",
          message: 'Only src/camera/ and src/review/ record media.',
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
