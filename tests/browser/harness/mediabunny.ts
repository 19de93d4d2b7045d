/**
 * Mediabunny for module tests: a page cannot import a bare package name, so tests import it
 * through this file, which the dev server resolves to the same pre-bundled copy `src/` uses.
 */
export * from 'mediabunny';
