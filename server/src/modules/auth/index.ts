import { defineModule } from '../module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { Session } from './session.entity.js';

export const authModule = defineModule({
  name: 'auth',
  entities: [Session],
  resolvers: [AuthResolver],
  services: ({ config }) => ({ auth: new AuthService(config) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    auth: AuthService;
  }
}
