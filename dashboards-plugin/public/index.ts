import { AiopsPublicPlugin } from './plugin';

export function plugin() {
  return new AiopsPublicPlugin();
}
