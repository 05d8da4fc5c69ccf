// What EUI and elastic-charts expect from a browser that jsdom does not provide.
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as any;
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  HTMLCanvasElement.prototype.getContext = (() => null) as any;
}

// EUI and OSD tests address elements by data-test-subj.
import { configure } from '@testing-library/react';
configure({ testIdAttribute: 'data-test-subj' });

// @elastic/charts 31 still uses defaultProps on function components; React 18.3 warns about it on every mount.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Support for defaultProps will be removed')) return;
  consoleError(...args);
};
