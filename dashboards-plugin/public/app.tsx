import React, { useEffect, useState } from 'react';
import { EuiPage, EuiPageBody, EuiSpacer, EuiTab, EuiTabs } from '@elastic/eui';
import { DetectorPage } from './pages/detector_page';
import { DetectorsPage } from './pages/detectors_page';
import { TemplatesPage } from './pages/templates_page';
import { pathOf, routeOf } from './routes';
import type { PanelServices } from './services';

/** The panel: tabs for detectors and templates; the page follows the history's path. */
export function AiopsApp({ services }: { services: PanelServices }) {
  const { history } = services;
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);
  const route = routeOf(pathname);
  const tab = route.page === 'templates' ? 'templates' : 'detectors';

  return (
    <EuiPage restrictWidth={1400}>
      <EuiPageBody>
        <EuiTabs>
          <EuiTab isSelected={tab === 'detectors'} onClick={() => history.push(pathOf({ page: 'detectors' }))} data-test-subj="tabDetectors">
            Detectors
          </EuiTab>
          <EuiTab isSelected={tab === 'templates'} onClick={() => history.push(pathOf({ page: 'templates' }))} data-test-subj="tabTemplates">
            Templates
          </EuiTab>
        </EuiTabs>
        <EuiSpacer />
        {route.page === 'detectors' && <DetectorsPage services={services} />}
        {route.page === 'detector' && <DetectorPage key={route.id} services={services} id={route.id} />}
        {route.page === 'templates' && <TemplatesPage services={services} />}
      </EuiPageBody>
    </EuiPage>
  );
}
