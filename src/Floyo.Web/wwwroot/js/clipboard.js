// Copies text to the clipboard (the onboarding wizard's copy buttons). Loaded as a module: no inline script.
export function copyText(text) {
    return navigator.clipboard.writeText(text);
}
