// What first setup asks (the /setup page, npm run setup): the community, where it is (city → district → street, the
// offices above it), and its first admin. The password is checked by password-policy.ts.
import { z } from 'zod';
import { mobile, personName } from '../registry/schemas.ts';
import { PASSWORD_MAX_LENGTH } from './password-policy.ts';

const placeName = z.string().trim().min(1, 'invalid.required').max(40);

export const setupFields = z.object({
  communityName: placeName,
  city: placeName,
  district: placeName,
  street: placeName,
  adminName: personName,
  adminPhone: mobile,
  password: z.string().min(1, 'invalid.required').max(PASSWORD_MAX_LENGTH),
});
export type SetupFields = z.infer<typeof setupFields>;
