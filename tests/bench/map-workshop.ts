/**
 * bench:map's workshop: 30 people on one RCC's map. 29 of them are stock y-websocket clients in this
 * Node process, each signed in as a commissioner of the region, moving their cursor at 5 Hz (the
 * throttle's rate) and sharing a view; the 30th is one Chromium page, where both figures are measured:
 * cursor propagation (each awareness message's arrival in the page, by a listener on the page's
 * WebSocket, minus the send time the sender wrote into its state: one clock, this machine's) and frame
 * time (requestAnimationFrame deltas) with the 29 remote cursors and viewports drawn.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Browser } from 'playwright-core';

export interface WorkshopOptions {
	base: string;
	rccId: string;
	/** Accounts the Node clients sign in as (cycled), and the page's. */
	accounts: string[];
	pageAccount: string;
	people: number;
	cursorHz: number;
	durationMs: number;
}

export interface WorkshopResult {
	people: number;
	cursorHz: number;
	durationMs: number;
	cursorsDrawn: number;
	propagationMs: { samples: number; p50: number | null; p99: number | null; max: number | null };
	frameMs: { frames: number; p50: number | null; p99: number | null; max: number | null; over50Ms: number };
}

const now = () => performance.timeOrigin + performance.now();
// y-websocket adds a process 'exit' listener per provider.
process.setMaxListeners(0);

function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function sessionCookie(base: string, email: string): Promise<string> {
	const response = await fetch(`${base}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: 'demo' })
	});
	if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
	const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]);
	return cookie.join('; ');
}

/** Demo accounts of the commissioners of a region's member LAs (`<ons code>@demo.local`). */
export async function regionCommissioners(
	base: string,
	rccId: string,
	adminEmail: string
): Promise<string[]> {
	const cookie = await sessionCookie(base, adminEmail);
	const response = await fetch(`${base}/api/rccs/${rccId}/summary`, { headers: { cookie } });
	if (!response.ok) throw new Error(`summary of ${rccId}: ${response.status}`);
	const summary = (await response.json()) as { las: { code: string }[] };
	return summary.las.map((la) => `${la.code.toLowerCase()}@demo.local`);
}

/** The page's side, as a string: tsx would wrap a function's inner functions in a helper the page lacks. */
const pageProbe = `(() => {
	const bench = { recording: false, latencies: [], frames: [] };
	window.__workshopBench = bench;
	const clocks = new Map();
	const decoder = new TextDecoder();
	const Native = window.WebSocket;
	class Measured extends Native {
		constructor(url, protocols) {
			super(url, protocols);
			this.addEventListener('message', (event) => {
				if (!bench.recording || !(event.data instanceof ArrayBuffer)) return;
				const at = performance.timeOrigin + performance.now();
				const bytes = new Uint8Array(event.data);
				let pos = 0;
				const uint = () => {
					let n = 0, mult = 1, b;
					do { b = bytes[pos++]; n += (b & 127) * mult; mult *= 128; } while (b >= 128);
					return n;
				};
				if (uint() !== 1) return; // awareness messages only
				uint();
				const count = uint();
				for (let i = 0; i < count; i++) {
					const client = uint();
					const clock = uint();
					const length = uint();
					const text = decoder.decode(bytes.subarray(pos, pos + length));
					pos += length;
					if ((clocks.get(client) ?? -1) >= clock) continue;
					clocks.set(client, clock);
					const state = JSON.parse(text);
					if (state && typeof state.benchSentAt === 'number') bench.latencies.push(at - state.benchSentAt);
				}
			});
		}
	}
	window.WebSocket = Measured;
	let last = null;
	const tick = (time) => {
		if (bench.recording && last !== null) bench.frames.push(time - last);
		last = time;
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
})();`;

export async function measureWorkshop(browser: Browser, options: WorkshopOptions): Promise<WorkshopResult> {
	const senders = options.people - 1;
	const cookies: string[] = [];
	for (let i = 0; i < senders; i++)
		cookies.push(await sessionCookie(options.base, options.accounts[i % options.accounts.length]));

	const url = `${options.base.replace(/^http/, 'ws')}/collab`;
	const providers: WebsocketProvider[] = [];
	const timers: ReturnType<typeof setInterval>[] = [];
	const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, baseURL: options.base });
	try {
		for (const [index, cookie] of cookies.entries()) {
			class SignedInWebSocket extends WebSocket {
				constructor(address: string | URL, protocols?: string | string[]) {
					super(address, protocols, { headers: { cookie }, perMessageDeflate: false });
				}
			}
			const provider = new WebsocketProvider(url, `map:${options.rccId}`, new Y.Doc(), {
				WebSocketPolyfill: SignedInWebSocket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			});
			providers.push(provider);
			// Spread over the region's middle, each drawing a small circle; views a little apart.
			const centre: [number, number] = [-0.9 + (index % 6) * 0.25, 51.1 + Math.floor(index / 6) * 0.12];
			let step = 0;
			const move = () => {
				step++;
				const angle = (step / 20) * Math.PI * 2;
				const cursor = [centre[0] + Math.cos(angle) * 0.05, centre[1] + Math.sin(angle) * 0.03];
				const [lng, lat] = centre;
				provider.awareness.setLocalState({
					user: { name: 'bench', laCode: null, colour: '#000000' },
					map: {
						cursor,
						view: {
							center: centre,
							zoom: 9,
							bearing: 0,
							pitch: 0,
							corners: [
								[lng - 0.2, lat + 0.1],
								[lng + 0.2, lat + 0.1],
								[lng + 0.2, lat - 0.1],
								[lng - 0.2, lat - 0.1]
							],
							sceneId: null
						},
						following: null,
						presenting: false
					},
					handOff: null,
					benchSentAt: now()
				});
			};
			move();
			// Started apart, so that the 5 Hz ticks of 29 clients do not all land together.
			setTimeout(() => timers.push(setInterval(move, 1000 / options.cursorHz)), (index * 37) % 200);
		}

		const page = await context.newPage();
		await context.addInitScript({ content: pageProbe });
		const login = await page.request.post('/api/auth/login', {
			data: { email: options.pageAccount, password: 'demo' }
		});
		if (login.status() !== 200) throw new Error(`sign-in as ${options.pageAccount}: ${login.status()}`);
		await page.goto(`/rcc/${options.rccId}`);
		await page.waitForSelector('[data-map-state="idle"]', { timeout: 120_000 });
		await page.waitForFunction(
			(count) => document.querySelectorAll('.presence-cursor').length >= count,
			senders,
			{
				timeout: 60_000
			}
		);
		await page.evaluate(() => {
			(window as unknown as { __workshopBench: { recording: boolean } }).__workshopBench.recording = true;
		});
		await page.waitForTimeout(options.durationMs);
		const measured = await page.evaluate(() => {
			const bench = (
				window as unknown as {
					__workshopBench: { recording: boolean; latencies: number[]; frames: number[] };
				}
			).__workshopBench;
			bench.recording = false;
			return {
				latencies: bench.latencies,
				frames: bench.frames,
				cursors: document.querySelectorAll('.presence-cursor').length
			};
		});
		const latencies = [...measured.latencies].sort((a, b) => a - b);
		const frames = [...measured.frames].sort((a, b) => a - b);
		return {
			people: options.people,
			cursorHz: options.cursorHz,
			durationMs: options.durationMs,
			cursorsDrawn: measured.cursors,
			propagationMs: {
				samples: latencies.length,
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
				max: percentile(latencies, 100)
			},
			frameMs: {
				frames: frames.length,
				p50: percentile(frames, 50),
				p99: percentile(frames, 99),
				max: percentile(frames, 100),
				over50Ms: frames.filter((frame) => frame > 50).length
			}
		};
	} finally {
		for (const timer of timers) clearInterval(timer);
		for (const provider of providers) provider.destroy();
		await context.close();
	}
}
