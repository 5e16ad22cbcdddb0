// Runs before the page is drawn (a classic script, as the page's security policy allows no inline script):
// ?overlay=1 gives the compact transparent view for OBS browser sources and phones.
if (new URLSearchParams(location.search).get('overlay') === '1') {
  document.documentElement.classList.add('overlay');
}
