/**
 * Two soft tones when a new number is called, made on the spot (no sound file to ship). A
 * browser may refuse sound before anyone touched the screen; then the number still shows.
 */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const start = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.55);
    });
    window.setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio device (a TV without speakers): the big number is the message.
  }
}
