#!/usr/bin/env bash
# Build one of the base images the deployment tests need from Debian packages, for machines that reach no image
# registry: mmdebstrap writes a bookworm root file system, which `docker import` turns into a one-layer image.
#
#   base-image.sh nginx TAG   nginx 1.22 (nginx-light) laid out like the stock nginx image: configuration in
#                             /etc/nginx/conf.d, logs to the container's output
#   base-image.sh jre TAG     OpenJDK 17 (headless JRE), and useradd for images that add their own user
#
# Needs root (or user namespaces for mmdebstrap's unshare mode), mmdebstrap and a Docker daemon. The image carries
# the label dev.gatewayinterface.recipe=RECIPE when the environment variable RECIPE is set, so that a caller can
# tell an image built from an older version of this script.
set -euo pipefail

kind=${1:?usage: base-image.sh nginx|jre TAG}
tag=${2:?usage: base-image.sh nginx|jre TAG}
recipe=${RECIPE:-unversioned}

case "$kind" in
  nginx)
    mmdebstrap --variant=apt --include=nginx-light \
      --customize-hook='rm -f "$1/etc/nginx/sites-enabled/default"' \
      --customize-hook='ln -sf /dev/stdout "$1/var/log/nginx/access.log"' \
      --customize-hook='ln -sf /dev/stderr "$1/var/log/nginx/error.log"' \
      bookworm - \
    | docker import \
        --change 'CMD ["nginx", "-g", "daemon off;"]' \
        --change 'EXPOSE 80 443' \
        --change "LABEL dev.gatewayinterface.recipe=$recipe" \
        - "$tag"
    ;;
  jre)
    mmdebstrap --variant=apt --include=openjdk-17-jre-headless,passwd \
      bookworm - \
    | docker import \
        --change 'ENV LANG=C.UTF-8' \
        --change "LABEL dev.gatewayinterface.recipe=$recipe" \
        - "$tag"
    ;;
  *)
    echo "base-image.sh: unknown image '$kind'; use nginx or jre" >&2
    exit 2
    ;;
esac
