// Read QR codes from the camera: `const stop = await startScanner(video, onText)`.
//
// Opens the back camera (getUserMedia), shows it in `video`, and looks for a QR code in a few
// frames a second with the vendored decoder (static/clustermeet/vendor/jsqr/, loaded on first
// use as a classic script: it defines window.jsQR). `onText(text)` is called once per code seen;
// the same code is reported again only after it has been out of view for a moment, so holding a
// badge in front of the camera checks it in once. `stop()` releases the camera.
//
// Rejects when there is no camera or the person refused it (the page then offers the text
// field). `decodeImageData(imageData)` is the decoding step alone, for pages and tests that
// have an image rather than a camera.

const DECODER_URL = new URL("../vendor/jsqr/jsQR.js", import.meta.url).href;
const FRAMES_PER_SECOND = 8;
const SAME_CODE_PAUSE_MS = 2500;
const MAX_SIDE = 640; // frames are scaled down to this before decoding: fast enough on phones

let decoderLoading = null;

export function loadDecoder() {
  if (window.jsQR) return Promise.resolve(window.jsQR);
  if (!decoderLoading) {
    decoderLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = DECODER_URL;
      script.async = true;
      script.addEventListener("load", () => resolve(window.jsQR));
      script.addEventListener("error", () => {
        decoderLoading = null;
        reject(new Error("The QR decoder could not be loaded."));
      });
      document.head.append(script);
    });
  }
  return decoderLoading;
}

export async function decodeImageData(imageData) {
  const jsQR = await loadDecoder();
  const found = jsQR(imageData.data, imageData.width, imageData.height, {
    inversionAttempts: "attemptBoth",
  });
  return found ? found.data : null;
}

export function cameraAvailable() {
  return Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

export async function startScanner(video, onText) {
  if (!cameraAvailable()) throw new Error("No camera API in this browser.");
  const jsQR = await loadDecoder();
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: "environment" } },
  });
  video.srcObject = stream;
  video.setAttribute("playsinline", "");
  video.muted = true;
  await video.play().catch(() => {});

  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let stopped = false;
  let timer = null;
  let lastText = null;
  let lastSeen = 0;

  function tick() {
    if (stopped) return;
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (width && height) {
      const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(frame.data, frame.width, frame.height, {
        inversionAttempts: "dontInvert",
      });
      const now = Date.now();
      if (found && found.data) {
        if (found.data !== lastText || now - lastSeen > SAME_CODE_PAUSE_MS) {
          onText(found.data);
        }
        lastText = found.data;
        lastSeen = now;
      }
    }
    timer = window.setTimeout(tick, 1000 / FRAMES_PER_SECOND);
  }
  tick();

  return function stop() {
    stopped = true;
    window.clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}
