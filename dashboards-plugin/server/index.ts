import type { PluginInitializerContext } from '../../../src/core/server';
import { AiopsServerPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContext) {
  return new AiopsServerPlugin(initializerContext);
}
