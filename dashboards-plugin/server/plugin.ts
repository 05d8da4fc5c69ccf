import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../src/core/server';
import { registerRoutes } from './routes/osd_routes';

export class AiopsServerPlugin implements Plugin {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  public setup(core: CoreSetup) {
    registerRoutes(core.http.createRouter());
    this.logger.debug('aiops: routes registered');
    return {};
  }

  public start(_core: CoreStart) {
    return {};
  }

  public stop() {}
}
