// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer table of DESIGN.md §2. Each layer lists the layers it may import; the
 * `no-restricted-imports` rules below are generated from it so the table is the one place to
 * change. tests/unit/lint/layerRules.test.ts lints small offending snippets and expects each
 * rule to fire.
 */
const LAYERS = [
  'geometry',
  'pose',
  'camera',
  'protocol',
  'feedback',
  'session',
  'demo',
  'coach',
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
  // The bundled demo: a simulated person (the parametric body model) and what it acts out.
  demo: ['geometry', 'protocol'],
  // The coaching step: geometry -> protocol -> cue policy -> recorder, composed in one pure step.
  coach: ['geometry', 'protocol', 'feedback', 'session'],
  review: ['geometry', 'pose', 'camera', 'protocol', 'feedback', 'session', 'coach'],
  engine: LAYERS.filter((l) => l !== 'engine' && l !== 'ui'),
  ui: ['engine'], // plus the pure modules below, and types from anywhere
};
/** Layers whose types (only) a folder may import. */
const MAY_IMPORT_TYPES = {
  pose: ['geometry'],
  camera: LAYERS.filter((l) => l !== 'camera'),
  ui: LAYERS.filter((l) => l !== 'ui'),
};
const WHY = 'DESIGN.md §2: lower layers never import higher ones';

/**
 * Modules that only compute: no I/O, no clock, no randomness, no timers. Time comes in as an
 * argument (DESIGN.md §1), so each runs in Node with a fake clock. They are held to that below,
 * and they are what the screens may call directly besides the engine: a pure function needs no
 * wiring, so passing it through an engine module would only hide where it lives.
 */
const PURE_MODULES = {
  geometry: ['**'],
  protocol: ['**'],
  demo: ['**'],
  coach: ['**'],
  feedback: ['cue*', 'stallCues'],
  session: ['recorder', 'report*', 'sampleBlock', 'sessionRecord', 'clientName'],
  review: [
    'angleTool',
    'annotations',
    'poseTrack',
    'reviewTimeline',
    'samplingPlan',
    'storageBudget',
    'timeLeft',
    'stretchDetection',
    'offlineSession',
    'clipTypes',
    'clipDetails',
  ],
};
const PURE_FILES = Object.entries(PURE_MODULES).flatMap(([layer, names]) =>
  names.map((name) => (name === '**' ? `src/${layer}/**` : `src/${layer}/${name}.ts`)),
);

/** Patterns matching imports of `layer` from any other folder. */
function layerPatterns(layer) {
  return [`**/${layer}`, `**/${layer}/**`, `../${layer}`, `../${layer}/**`];
}

/** A regex for imports of `layer`'s modules other than its pure ones (see PURE_MODULES). */
function impureModulesOf(layer) {
  const names = PURE_MODULES[layer] ?? [];
  if (names.includes('**')) return null;
  const pure = names.map((n) => n.replace('*', '[^/]*')).join('|');
  return pure === '' ? null : `(^|/)${layer}(/(?!(${pure})$).*)?$`;
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
    if (layer === 'ui' && PURE_MODULES[other] !== undefined) {
      const impure = impureModulesOf(other);
      if (impure !== null)
        patterns.push({
          regex: impure,
          allowTypeImports: true,
          message: `${WHY}: ui/ reaches ${other}/ through the engine (only its pure modules directly).`,
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
  const pure = ['geometry', 'protocol', 'demo', 'coach'].includes(layer);
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

/**
 * DESIGN.md §2: only camera/ and review/ touch media capture. ESLint keeps one set of options
 * per rule and file (the last block that sets it wins), so the pure modules' block below
 * repeats these beside its own.
 */
const OPENS_CAMERAS = [
  { object: 'navigator', property: 'mediaDevices', message: 'Only src/camera/ opens cameras.' },
];
const RECORDS_MEDIA = [
  {
    selector: "NewExpression[callee.name='MediaRecorder']",
    message: 'Only src/camera/ and src/review/ record media.',
  },
];

/** Pure modules take time as an argument (DESIGN.md §1), so tests can use a fake clock. */
const TAKES_TIME_AS_ARGUMENT = 'Pure modules take nowMs as an argument (DESIGN.md §1).';
const DETERMINISTIC = 'Pure modules are deterministic: pass randomness in (a seed).';
const READS_THE_CLOCK = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: TAKES_TIME_AS_ARGUMENT,
  },
  {
    selector: "MemberExpression[property.name='now'][object.name='performance']",
    message: TAKES_TIME_AS_ARGUMENT,
  },
  {
    selector: "MemberExpression[property.name='now'][object.property.name='performance']",
    message: TAKES_TIME_AS_ARGUMENT,
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: `${TAKES_TIME_AS_ARGUMENT} (new Date() reads the clock).`,
  },
  { selector: "CallExpression[callee.name='Date']", message: TAKES_TIME_AS_ARGUMENT },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: DETERMINISTIC,
  },
  { selector: "MemberExpression[object.name='crypto']", message: DETERMINISTIC },
];
/**
 * The screens import only the engine (and pure modules directly), so an engine file that
 * re-exports a lower layer would be a pass-through barrel letting ui/ reach it unseen.
 */
const REEXPORTS = [
  {
    selector: 'ExportNamedDeclaration[source], ExportAllDeclaration',
    message: 'No pass-through barrels in engine/: ui/ imports pure modules from where they live.',
  },
];
const SPEAKS = ['speechSynthesis', 'SpeechSynthesisUtterance'].map((name) => ({
  name,
  message: 'Only src/feedback/speech* may speak.',
}));
const SCHEDULES = ['setTimeout', 'setInterval', 'requestAnimationFrame', 'queueMicrotask'].map(
  (name) => ({ name, message: 'Pure modules schedule nothing; the engine owns timers.' }),
);

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
      // The studio is a tool of its own with its own packages (studio/package.json); a fresh
      // clone has none of them, so it is checked by `npm run studio:typecheck` after setup.
      'studio',
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
    // DESIGN.md §2: only feedback/speech* touches speechSynthesis.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/feedback/speech*', 'src/feedback/speech*/**'],
    rules: {
      'no-restricted-globals': ['error', ...SPEAKS],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/camera/**', 'src/review/**'],
    rules: {
      'no-restricted-properties': ['error', ...OPENS_CAMERAS],
      'no-restricted-syntax': ['error', ...RECORDS_MEDIA],
    },
  },
  {
    // Repeats the media rule: the last block setting a rule wins.
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...RECORDS_MEDIA, ...REEXPORTS] },
  },
  {
    // After the blocks above, and repeating their options: the last block setting a rule wins.
    files: PURE_FILES,
    rules: {
      'no-restricted-properties': ['error', ...OPENS_CAMERAS],
      'no-restricted-syntax': ['error', ...RECORDS_MEDIA, ...READS_THE_CLOCK],
      'no-restricted-globals': ['error', ...SPEAKS, ...SCHEDULES],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
