import { defineModule } from '../module.js';
import { InvitationResolver } from './invitation.resolver.js';
import { InvitationService } from './invitation.service.js';
import './invitation.templates.js';

/** Issue 10, store invitations (R-APT-7) from the archive and the care module's due dates. Decisions in README.md. */
export const invitationModule = defineModule({
  name: 'invitation',
  resolvers: [InvitationResolver],
  services: ({ clock, registry }) => ({ invitations: new InvitationService(clock, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    invitations: InvitationService;
  }
}
