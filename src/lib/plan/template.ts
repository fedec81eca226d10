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
 * What each section should say, by its heading: shown as a placeholder in the section's first empty
 * paragraph (section-placeholder.ts), never stored in the document. Plans from before schema version 3
 * hold these as italic text; the upgrade clears them (template-upgrade.ts) and publishing drops them
 * whatever a client sent (publishable-body.ts).
 */
export const SECTION_GUIDANCE: Readonly<Record<string, string>> = {
	'Purpose and legal context':
		'Why this strategy exists: the sufficiency duty (Children Act 1989, section 22G) to secure, as far as reasonably practicable, accommodation within the area that meets the needs of the children the authorities look after, and the role of the Regional Care Cooperative in meeting it together.',
	'The region and its children':
		'Who the children are: ages, needs, where they live and where they are placed.',
	'The voice of children and young people':
		'What children and young people, and care leavers, told us, and how it shaped this strategy.',
	'Needs analysis': 'Forecast of need over the period of the strategy, by age, need and place.',
	...Object.fromEntries(
		PROVISION.map((kind) => [
			kind,
			`Capacity, quality, cost and location of ${kind.toLowerCase()} across the region.`
		])
	),
	'Gaps and priorities': 'Where demand has no suitable capacity near home, and the priorities that follow.',
	'Commissioning intentions':
		'What the region will commission, develop or decommission, and how it will shape the market.',
	'Governance and review': 'Who owns the strategy, how progress is reported, and when it will be reviewed.'
};

const GUIDANCE_TEXTS = new Set(Object.values(SECTION_GUIDANCE));

/** The text is one of the template's prompts (typed, pasted or left from before schema version 3). */
export function isTemplateGuidance(value: string): boolean {
	return GUIDANCE_TEXTS.has(value.trim());
}

/**
 * The level-1 heading plans started with before schema version 3. The plan's own title (its row) is the
 * title now, shown above the text and on the published page, so the upgrade removes this heading.
 */
export function oldTemplateTitle(context: Pick<TemplateContext, 'rccName' | 'period'>): string {
	return `${context.rccName} sufficiency strategy ${context.period}`.trim();
}

/**
 * A new plan's text: every section of the guidance with an empty paragraph to write in (its prompt is a
 * placeholder, SECTION_GUIDANCE), the member LAs listed, and live figures for the region where the data
 * already answers. No title: the plan's title is its own (plans.title), not the template's.
 */
export function planTemplate(context: TemplateContext): JSONContent {
	const [purpose, region, voice, needs, provision, gaps, intentions, actions, governance] = TEMPLATE_SECTIONS;
	return {
		type: 'doc',
		content: [
			heading(2, purpose),
			paragraph(),
			heading(2, region),
			paragraph(),
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
			heading(2, voice),
			paragraph(),
			heading(2, needs),
			paragraph(),
			heading(2, provision),
			...PROVISION.flatMap((kind) => [heading(3, kind), paragraph()]),
			heading(2, gaps),
			paragraph(),
			heading(2, intentions),
			paragraph(),
			heading(2, actions),
			paragraph(text('The actions, their owners and dates are in the action plan table.')),
			heading(2, governance),
			paragraph()
		]
	};
}
