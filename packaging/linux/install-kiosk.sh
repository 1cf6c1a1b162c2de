#!/bin/sh
# Turns a Debian/Ubuntu computer into the hub's kiosk. Run once, as root, after installing the
# .deb (which puts the app at /usr/bin/mutual-aid-kiosk):
#   sudo sh /opt/Mutual\ Aid\ Kiosk/resources/kiosk-setup/linux/install-kiosk.sh
# What it does: installs cage, creates the dedicated user "kiosk" (no password, no sudo), installs
# the systemd unit that logs it in on tty7 at boot and runs the app under cage, and switches off
# any desktop login screen. Undo: systemctl disable --now mutual-aid-kiosk; systemctl enable
# your display manager again.
set -eu
HERE=$(dirname "$0")

if [ "$(id -u)" -ne 0 ]; then echo "Run this as root (sudo)." >&2; exit 1; fi
command -v cage >/dev/null 2>&1 || apt-get install -y cage
[ -x /usr/bin/mutual-aid-kiosk ] || { echo "Install the mutual-aid-kiosk .deb first." >&2; exit 1; }

if ! id kiosk >/dev/null 2>&1; then
  useradd --create-home --user-group --shell /usr/sbin/nologin --comment "Mutual Aid Kiosk" kiosk
  passwd --lock kiosk
fi
# Screen, GPU, touch screen, sound and the camera (slip scanning); nothing else.
for group in video render input audio; do
  getent group "$group" >/dev/null && usermod -a -G "$group" kiosk
done

install -m 0644 "$HERE/pam-cage" /etc/pam.d/cage
install -m 0644 "$HERE/mutual-aid-kiosk.service" /etc/systemd/system/mutual-aid-kiosk.service
systemctl daemon-reload
# One screen, one app: no desktop login screen competing for the display.
if systemctl is-enabled display-manager.service >/dev/null 2>&1; then systemctl disable display-manager.service; fi
systemctl set-default graphical.target
systemctl enable mutual-aid-kiosk.service
echo "Done. The kiosk starts at the next boot (or now: systemctl start mutual-aid-kiosk)."
echo "The site database lives in /home/kiosk/.config/mutual-aid-kiosk."
