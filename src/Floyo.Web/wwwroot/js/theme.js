// Remembers the dashboard's light/dark choice in this browser.
const key = "floyo-theme";

export function load() {
    return localStorage.getItem(key) === "dark";
}

export function save(isDark) {
    localStorage.setItem(key, isDark ? "dark" : "light");
}
