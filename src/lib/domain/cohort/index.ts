export { childProfile, type ChildProfile, type Sex } from './child-profile';
export {
	COHORT_GENERATOR_VERSION,
	deprivationWeight,
	generateCohort,
	type Cohort,
	type CohortHome,
	type CohortInput,
	type SmallArea,
	type SyntheticChild
} from './generate-cohort';
export { homeLocation } from './home-location';
export { homeProfile, type HomeProfile } from './home-profile';
export { homeVacancies, VACANT_PLACE_SHARE } from './home-vacancies';
export { createLaLocator, type LaBoundary, type LaLocator } from './la-locator';
export { laTargets, type DfeFigures, type LaTargets, type LocationCategory } from './la-targets';
export { largestRemainder } from './largest-remainder';
export { createRandom, type Random } from './random';
