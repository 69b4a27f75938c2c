import { defineModule } from '../module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { Session } from './session.entity.js';
import { SignInThrottle } from './sign-in-throttle.entity.js';

export const authModule = defineModule({
  name: 'auth',
  entities: [Session, SignInThrottle],
  resolvers: [AuthResolver],
  services: ({ config }) => ({ auth: new AuthService(config) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    auth: AuthService;
  }
}
