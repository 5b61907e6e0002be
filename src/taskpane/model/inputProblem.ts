/** A problem with what the user chose (not a register, an empty list): shown as a note, not as a failure of the add-in. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}
