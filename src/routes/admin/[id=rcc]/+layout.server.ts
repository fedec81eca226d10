import { requireRccAdmin } from '$lib/server/auth/require-rcc-admin';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => ({ rcc: requireRccAdmin(event).rcc });
