import type { AppMountParameters, CoreSetup, CoreStart, Plugin } from '../../../src/core/public';
import { DEFAULT_APP_CATEGORIES } from '../../../src/core/public';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';

export class AiopsPublicPlugin implements Plugin {
  public setup(core: CoreSetup) {
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_NAME,
      category: DEFAULT_APP_CATEGORIES.observability,
      async mount(params: AppMountParameters) {
        const { renderApp } = await import('./application');
        const [coreStart] = await core.getStartServices();
        return renderApp(coreStart as CoreStart, params);
      },
    });
    return {};
  }

  public start(_core: CoreStart) {
    return {};
  }

  public stop() {}
}
