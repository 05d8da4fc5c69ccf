import React from 'react';
import { createRoot } from 'react-dom/client';
import type { AppMountParameters, CoreStart } from '../../../src/core/public';
import { AiopsApp } from './app';
import { PanelApi } from './services';

/** Mounts the panel into the element OSD gives the application; returns the unmount callback. */
export function renderApp(core: CoreStart, { element, history }: AppMountParameters) {
  const root = createRoot(element);
  root.render(<AiopsApp services={{ api: new PanelApi(core.http), history, basePath: core.http.basePath.get() }} />);
  return () => root.unmount();
}
