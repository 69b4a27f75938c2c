import { defineModule } from '../module.js';
import { actsAs } from '../../shared/actor.js';
import { INVITATION_ROLES } from './invitation.roles.js';
import { InvitationResolver, toCandidate } from './invitation.resolver.js';
import { InvitationService } from './invitation.service.js';
import './invitation.templates.js';

/** Issue 10, store invitations (R-APT-7) from the archive and the care module's due dates. Decisions in README.md. */
export const invitationModule = defineModule({
  name: 'invitation',
  resolvers: [InvitationResolver],
  nodes: {
    InvitationCandidate: async (em, key, actor, services) => {
      if (!actsAs(actor, INVITATION_ROLES)) return 'FORBIDDEN';
      const found = await services.invitations.one(em, actor, key);
      return found ? toCandidate(found) : null;
    },
  },
  services: ({ clock, registry }) => ({ invitations: new InvitationService(clock, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    invitations: InvitationService;
  }
}
