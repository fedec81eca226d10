import type { RoleGrant } from '$lib/domain/types';

/** Whose children the "Your LA's children" panel may analyse on one RCC's map. */
export type OwnLaAccess =
	| { kind: 'commissioner'; laCode: string; laName: string }
	/** A commissioner, but of an LA that is not a member of this RCC. */
	| { kind: 'other-la'; laName: string }
	/** Viewers and RCC administrators: aggregates only. */
	| { kind: 'no-child-records' };

/**
 * The same rule as the server's (access.ts canSeeChildRecords, applied to the RCC's members by
 * analysis-input.json): a commissioner grant for a member LA. The server enforces it; this only
 * decides what the page offers.
 */
export function ownLaAccess(
	roles: readonly Pick<RoleGrant, 'role' | 'laCode' | 'laName'>[],
	memberCodes: ReadonlySet<string>
): OwnLaAccess {
	const commissioner = roles.filter((grant) => grant.role === 'commissioner' && grant.laCode);
	const own = commissioner.find((grant) => memberCodes.has(grant.laCode!));
	if (own) return { kind: 'commissioner', laCode: own.laCode!, laName: own.laName ?? own.laCode! };
	if (commissioner.length > 0)
		return { kind: 'other-la', laName: commissioner[0].laName ?? commissioner[0].laCode! };
	return { kind: 'no-child-records' };
}
