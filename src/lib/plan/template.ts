import type { JSONContent } from '@tiptap/core';

export interface TemplateContext {
	rccName: string;
	period: string;
	/** Member LAs of the RCC, by name, in the order to list them. */
	laNames: string[];
}

const heading = (level: 1 | 2 | 3, text: string): JSONContent => ({
	type: 'heading',
	attrs: { level },
	content: [{ type: 'text', text }]
});

const paragraph = (...content: JSONContent[]): JSONContent =>
	content.length ? { type: 'paragraph', content } : { type: 'paragraph' };

const text = (value: string): JSONContent => ({ type: 'text', text: value });

const guidance = (value: string): JSONContent =>
	paragraph({ type: 'text', text: value, marks: [{ type: 'italic' }] });

const bullets = (items: string[]): JSONContent => ({
	type: 'bulletList',
	content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] }))
});

const figure = (area: string, metric: string): JSONContent => ({
	type: 'liveFigure',
	attrs: { area, metric, text: '' }
});

/** The sections of a regional sufficiency strategy, in the order of the statutory guidance. */
export const TEMPLATE_SECTIONS = [
	'Purpose and legal context',
	'The region and its children',
	'The voice of children and young people',
	'Needs analysis',
	'Current provision',
	'Gaps and priorities',
	'Commissioning intentions',
	'Action plan',
	'Governance and review'
] as const;

const PROVISION = ['Fostering', "Children's homes", 'Supported accommodation', "Secure children's homes"];

/**
 * A new plan's text: every section of the guidance with a prompt for what it should say (in italics, to be
 * written over), the member LAs listed, and live figures for the region where the data already answers.
 */
export function planTemplate(context: TemplateContext): JSONContent {
	const [purpose, region, voice, needs, provision, gaps, intentions, actions, governance] = TEMPLATE_SECTIONS;
	return {
		type: 'doc',
		content: [
			heading(1, `${context.rccName} sufficiency strategy ${context.period}`.trim()),
			heading(2, purpose),
			guidance(
				'Why this strategy exists: the sufficiency duty (Children Act 1989, section 22G) to secure, as far as reasonably practicable, accommodation within the area that meets the needs of the children the authorities look after, and the role of the Regional Care Cooperative in meeting it together.'
			),
			heading(2, region),
			paragraph(
				text(
					`The ${context.rccName} Regional Care Cooperative brings together ${context.laNames.length} local authorities:`
				)
			),
			bullets(context.laNames),
			paragraph(
				figure('region', 'childrenLookedAfter'),
				text('. '),
				figure('region', 'percentOver20Miles'),
				text('.')
			),
			guidance('Who the children are: ages, needs, where they live and where they are placed.'),
			heading(2, voice),
			guidance('What children and young people, and care leavers, told us, and how it shaped this strategy.'),
			heading(2, needs),
			guidance('Forecast of need over the period of the strategy, by age, need and place.'),
			heading(2, provision),
			...PROVISION.flatMap((kind) => [
				heading(3, kind),
				guidance(`Capacity, quality, cost and location of ${kind.toLowerCase()} across the region.`)
			]),
			heading(2, gaps),
			guidance('Where demand has no suitable capacity near home, and the priorities that follow.'),
			heading(2, intentions),
			guidance('What the region will commission, develop or decommission, and how it will shape the market.'),
			heading(2, actions),
			paragraph(text('The actions, their owners and dates are in the action plan table.')),
			heading(2, governance),
			guidance('Who owns the strategy, how progress is reported, and when it will be reviewed.')
		]
	};
}
