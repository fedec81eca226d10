import { Node, mergeAttributes } from '@tiptap/core';
import {
	FIGURE_METRICS,
	isFigureMetric,
	type FigureMetric,
	type FigureRef,
	type FigureValue
} from './figure-text';

/**
 * Where chips read their figures in the browser (figure-store.svelte.ts): the current value of a figure,
 * and a way to hear that the data changed. Absent on the server, where chips render their stored text.
 */
export interface FigureSource {
	get(ref: FigureRef): FigureValue | null;
	/** Returns an unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Source and date shown beside the figure: short in the chip, full in its tooltip. */
	provenance(metric: FigureMetric): { short: string; full: string };
}

export interface LiveFigureOptions {
	source: FigureSource | null;
}

declare module '@tiptap/core' {
	interface Commands<ReturnType> {
		liveFigure: {
			insertLiveFigure: (ref: FigureRef & { text: string }) => ReturnType;
		};
	}
}

/**
 * An inline chip quoting a figure of the RCC summary ("Kent: 31% of children placed over 20 miles from
 * home"). The document stores which figure (area, metric) and the text last seen, never the data: the chip
 * shows the current value while editing and the publisher freezes it into the published version.
 */
export const LiveFigure = Node.create<LiveFigureOptions>({
	name: 'liveFigure',
	group: 'inline',
	inline: true,
	atom: true,
	selectable: true,

	addOptions() {
		return { source: null };
	},

	addAttributes() {
		return {
			area: { default: 'region', parseHTML: (element) => element.getAttribute('data-area') },
			metric: { default: 'percentOver20Miles', parseHTML: (element) => element.getAttribute('data-metric') },
			text: { default: '', parseHTML: (element) => element.textContent ?? '' }
		};
	},

	parseHTML() {
		return [{ tag: 'span[data-live-figure]' }];
	},

	renderHTML({ node, HTMLAttributes }) {
		const { area, metric, text } = node.attrs as { area: string; metric: string; text: string };
		return [
			'span',
			mergeAttributes(
				{ 'data-live-figure': '', 'data-area': area, 'data-metric': metric, class: 'live-figure' },
				{ ...HTMLAttributes, area: undefined, metric: undefined, text: undefined }
			),
			text
		];
	},

	addCommands() {
		return {
			insertLiveFigure:
				(ref) =>
				({ commands }) =>
					commands.insertContent({
						type: this.name,
						attrs: { area: ref.area, metric: ref.metric, text: ref.text }
					})
		};
	},

	addNodeView() {
		const source = this.options.source;
		return ({ node }) => {
			const dom = document.createElement('span');
			dom.className = 'live-figure';
			dom.dataset.liveFigure = '';
			dom.contentEditable = 'false';
			const value = document.createElement('span');
			value.className = 'live-figure__value';
			const provenance = document.createElement('span');
			provenance.className = 'live-figure__source';
			dom.append(value, provenance);
			const { area, metric, text } = node.attrs as { area: string; metric: string; text: string };
			dom.dataset.area = area;
			dom.dataset.metric = metric;
			const draw = () => {
				const known = isFigureMetric(metric);
				const current = source && known ? source.get({ area, metric }) : null;
				const origin = source && known ? source.provenance(metric) : null;
				value.textContent = current?.text ?? text;
				provenance.textContent = origin ? ` ${origin.short}` : '';
				dom.title = known
					? `Live figure: ${FIGURE_METRICS[metric].label}. ${origin?.full ?? ''}`
					: 'Live figure';
			};
			draw();
			const unsubscribe = source?.subscribe(draw);
			return { dom, destroy: () => unsubscribe?.() };
		};
	}
});
