import type { LegendItem, Swatch } from './layers';
import type { MapSnapshot } from './map-snapshot';
import { scaleBar } from './scale-bar';

export interface PictureLegendSection {
	title: string;
	items: LegendItem[];
	note?: string | null;
}

export interface MapPictureOptions {
	snapshot: MapSnapshot;
	title: string;
	/** Under the title: what and when, e.g. "Map layers as shown on 4 December 2026". */
	subtitle: string;
	legend: PictureLegendSection[];
	/** Credits of the data (plain text; any HTML tags are dropped). */
	attribution: readonly string[];
	/** Output pixels per CSS pixel (the snapshot's own resolution by default). */
	scale?: number;
}

const FONT = 'system-ui, "Helvetica Neue", Arial, sans-serif';
const INK = '#0b0c0c';
const MUTED = '#505a5f';
const TITLE_BAND = 64;
const PADDING = 12;
const LEGEND_WIDTH = 250;
const LINE = 17;

function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (line && context.measureText(next).width > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

function drawSwatch(context: CanvasRenderingContext2D, swatch: Swatch, x: number, y: number): void {
	context.save();
	if (swatch.shape === 'fill') {
		context.fillStyle = swatch.colour;
		context.fillRect(x, y + 2, 20, 12);
		context.strokeStyle = swatch.outline ?? 'rgba(11,12,12,0.25)';
		context.lineWidth = 1;
		context.strokeRect(x + 0.5, y + 2.5, 19, 11);
	} else if (swatch.shape === 'line') {
		context.strokeStyle = swatch.colour;
		context.lineWidth = swatch.width;
		context.lineCap = 'round';
		context.beginPath();
		context.moveTo(x + 1, y + 8);
		context.lineTo(x + 19, y + 8);
		context.stroke();
	} else {
		context.fillStyle = swatch.colour;
		context.strokeStyle = '#ffffff';
		context.beginPath();
		context.arc(x + 10, y + 8, Math.min(swatch.radius, 8), 0, Math.PI * 2);
		context.fill();
		context.stroke();
	}
	context.restore();
}

/** Lines the legend box holds, so that its height is known before it is drawn. */
function legendLines(context: CanvasRenderingContext2D, legend: PictureLegendSection[]) {
	const rows: ({ kind: 'title' | 'note'; text: string } | { kind: 'item'; item: LegendItem })[] = [];
	for (const section of legend) {
		rows.push({ kind: 'title', text: section.title });
		for (const item of section.items) rows.push({ kind: 'item', item });
		if (section.note) {
			context.font = `12px ${FONT}`;
			for (const text of wrap(context, section.note, LEGEND_WIDTH - 2 * PADDING))
				rows.push({ kind: 'note', text });
		}
	}
	return rows;
}

/**
 * The picture of the map one saves and puts in a report or slide: a title band, the map as drawn, its
 * key (the layers that are on) in the lower left, a scale bar in miles in the lower right, and the
 * data's attribution beneath, as Open Government Licence v3.0 asks.
 */
export function drawMapPicture(options: MapPictureOptions): HTMLCanvasElement {
	const { snapshot } = options;
	const scale = options.scale ?? snapshot.image.width / snapshot.width;
	const measure = document.createElement('canvas').getContext('2d')!;
	measure.font = `11px ${FONT}`;
	const credits = options.attribution
		.map((text) => text.replace(/<[^>]*>/g, '').trim())
		.filter(Boolean)
		.flatMap((text) => wrap(measure, text, snapshot.width - 2 * PADDING));
	const creditsHeight = credits.length * 14 + 2 * PADDING;
	const width = snapshot.width;
	const height = TITLE_BAND + snapshot.height + creditsHeight;

	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	const context = canvas.getContext('2d')!;
	context.scale(scale, scale);
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, width, height);
	context.textBaseline = 'top';

	context.fillStyle = INK;
	context.font = `bold 22px ${FONT}`;
	context.fillText(options.title, PADDING, 12, width - 2 * PADDING);
	context.fillStyle = MUTED;
	context.font = `14px ${FONT}`;
	context.fillText(options.subtitle, PADDING, 40, width - 2 * PADDING);

	context.drawImage(snapshot.image, 0, TITLE_BAND, snapshot.width, snapshot.height);
	context.strokeStyle = '#b1b4b6';
	context.strokeRect(0.5, TITLE_BAND + 0.5, width - 1, snapshot.height - 1);

	const rows = legendLines(context, options.legend);
	if (rows.length > 0) {
		const boxHeight = rows.length * LINE + 2 * PADDING;
		const x = PADDING;
		const y = Math.max(TITLE_BAND + PADDING, TITLE_BAND + snapshot.height - boxHeight - PADDING);
		context.fillStyle = 'rgba(255,255,255,0.95)';
		context.fillRect(x, y, LEGEND_WIDTH, boxHeight);
		context.strokeStyle = '#b1b4b6';
		context.strokeRect(x + 0.5, y + 0.5, LEGEND_WIDTH - 1, boxHeight - 1);
		rows.forEach((row, i) => {
			const top = y + PADDING + i * LINE;
			context.fillStyle = row.kind === 'note' ? MUTED : INK;
			if (row.kind !== 'item') {
				context.font = row.kind === 'title' ? `bold 13px ${FONT}` : `12px ${FONT}`;
				context.fillText(row.text, x + PADDING, top, LEGEND_WIDTH - 2 * PADDING);
			} else {
				drawSwatch(context, row.item.swatch, x + PADDING, top - 1);
				context.font = `12px ${FONT}`;
				context.fillText(row.item.label, x + PADDING + 28, top + 1, LEGEND_WIDTH - 2 * PADDING - 28);
			}
		});
	}

	const bar = scaleBar(snapshot.metresPerPixel, Math.min(160, width / 4));
	const barRight = width - PADDING - 8;
	const barY = TITLE_BAND + snapshot.height - PADDING - 10;
	context.fillStyle = 'rgba(255,255,255,0.9)';
	context.fillRect(barRight - bar.pixels - 8, barY - 22, bar.pixels + 16, 34);
	context.strokeStyle = INK;
	context.lineWidth = 2;
	context.beginPath();
	context.moveTo(barRight - bar.pixels, barY - 6);
	context.lineTo(barRight - bar.pixels, barY);
	context.lineTo(barRight, barY);
	context.lineTo(barRight, barY - 6);
	context.stroke();
	context.fillStyle = INK;
	context.font = `12px ${FONT}`;
	context.textAlign = 'right';
	context.fillText(`${bar.miles} ${bar.miles === 1 ? 'mile' : 'miles'}`, barRight, barY - 20);
	context.textAlign = 'left';

	context.fillStyle = MUTED;
	context.font = `11px ${FONT}`;
	credits.forEach((line, i) =>
		context.fillText(line, PADDING, TITLE_BAND + snapshot.height + PADDING + i * 14)
	);
	return canvas;
}
