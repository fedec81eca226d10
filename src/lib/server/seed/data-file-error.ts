/** A shipped data file that does not read as expected: the message names the file, row and column. */
export class DataFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DataFileError';
	}
}
