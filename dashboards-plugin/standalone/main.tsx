import React from 'react';
import { createRoot } from 'react-dom/client';
import '@opensearch-project/oui/dist/eui_theme_light.css';
import '@elastic/charts/dist/theme_only_light.css';
import { AiopsApp } from '../public/app';
import { PanelApi } from '../public/services';
import { fetchHttp, hashHistory } from './browser_services';

// The same application OSD mounts, with fetch in place of core.http and the hash as history.
createRoot(document.getElementById('root')!).render(
  <AiopsApp services={{ api: new PanelApi(fetchHttp()), history: hashHistory(), basePath: (window as any).AIOPS_OSD_BASE ?? '' }} />
);
