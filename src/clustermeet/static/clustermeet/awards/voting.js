// The voting kiosk's "scan the next badge": where the tablet has a camera, a button starts it
// (the door's camera toggle, onsite/scanning.js); a badge's QR code seen by it is put into the
// badge field and sent, as a hardware scanner typing into the field would. Without JavaScript
// or a camera the field alone works.

import { setUpCameraToggle } from "../onsite/scanning.js";

const form = document.getElementById("kiosk-scan");
if (form) {
  const token = document.getElementById("kiosk-token");
  let sent = false;
  setUpCameraToggle(
    {
      box: document.getElementById("kiosk-camera"),
      button: document.getElementById("kiosk-camera-toggle"),
      status: document.getElementById("kiosk-camera-status"),
      video: document.getElementById("kiosk-video"),
    },
    (text) => {
      if (sent) return;
      sent = true;
      token.value = text;
      form.requestSubmit();
    },
  );
}
