export { headline } from './headline';
export { NONE_PUBLISHED, readPublished, type PublishedFigures } from './published';
export { percent, summariseRcc, type SummaryInput } from './summarise-rcc';
export {
	tallyByLa,
	type ChildPlacement,
	type FosteringCapacity,
	type HomeCapacity,
	type Tally
} from './tally';
