import { bearerGet } from './bearer-get.js';

/** Supabase personal access tokens: the Management API's project list, read-only. */
export const supabase = bearerGet({
  id: 'supabase',
  provider: 'Supabase',
  ruleIds: ['supabase-access-token'],
  host: 'api.supabase.com',
  path: '/v1/projects',
  keyPage: 'https://supabase.com/dashboard/account/tokens',
});
