// The probe page's script: marks that application scripts ran, and can fail on request (from the page's own
// origin, so the browser reports the error's real message rather than a muted "Script error.").
window.probeLoaded = true;
window.probeThrow = message => setTimeout(() => { throw new Error(message); });
