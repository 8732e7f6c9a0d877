import { httpHandler } from '../../../../platform/http';
import { VolunteerSignUpBody } from '@yilin/contract';
import { signUpAsVolunteer } from '../../volunteers';

export const handler = httpHandler('volunteers/sign-up', { body: VolunteerSignUpBody }, async ({ session, body }) => ({
  body: await signUpAsVolunteer(session, body),
}));
