import type { ProvisionKind } from '$lib/domain/analysis';
import type { PlacementType } from '$lib/domain/types';

export const PROVISION_LABELS: Record<ProvisionKind, string> = {
	childrens_home: "Children's home",
	fostering: 'Foster carers',
	secure: "Secure children's home",
	supported: 'Supported accommodation',
	residential_school: 'Residential special school'
};

/** Where a child lives now, as DfE groups placement types. */
export const PLACEMENT_TYPE_LABELS: Record<PlacementType, string> = {
	foster: 'Foster care',
	childrens_home: "Children's home",
	secure: "Secure children's home",
	residential_school: 'Residential special school',
	supported: 'Supported accommodation',
	other: 'Other (with parents, independent living and so on)'
};
