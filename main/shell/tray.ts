import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { AppState } from '../../shared/app-state';
import { badgeModel } from '../core/present/badge-model';
import { BADGE_SIZES, rasterBadge, rasterTemplate } from '../core/present/badge-raster';
import { type MenuAction, menuModel } from '../core/present/menu-model';
import { encodePng } from '../core/present/png';

/** Builds a multi-resolution image (1x, 2x, 4x) from a bitmap per size. */
function image(draw: (size: number) => ReturnType<typeof rasterTemplate>, template: boolean) {
  const result = nativeImage.createEmpty();
  for (const size of BADGE_SIZES) {
    result.addRepresentation({ scaleFactor: size / 16, buffer: encodePng(draw(size)) });
  }
  result.setTemplateImage(template);
  return result;
}

/** Applies the badge and menu models to the OS tray; it decides nothing itself. */
export class CreditbarTray {
  private readonly tray: Tray;

  constructor(
    private readonly platform: NodeJS.Platform,
    private readonly onAction: (action: MenuAction) => void,
    onClick: () => void,
  ) {
    this.tray = new Tray(image(rasterTemplate, platform === 'darwin'));
    // Linux AppIndicator clicks are unreliable: there the menu's "Open" is the way in.
    if (platform !== 'linux') this.tray.on('click', onClick);
  }

  get bounds() {
    return this.tray.getBounds();
  }

  update(state: AppState): void {
    const badge = badgeModel(state.accounts, state.paused);
    if (this.platform === 'darwin') {
      // macOS: the number is the menu-bar title beside a template icon the system tints.
      this.tray.setTitle(badge.text ? `${badge.text}${badge.stale ? '*' : ''}` : '');
    } else {
      this.tray.setImage(image((size) => rasterBadge(badge, size), false));
    }
    this.tray.setToolTip(badge.tooltip);
    const items = menuModel({
      accounts: state.accounts,
      paused: state.paused,
      launchAtLogin: state.launchAtLogin,
      platform: this.platform,
    });
    const template: MenuItemConstructorOptions[] = items.map((item) => {
      if (item.kind === 'separator') return { type: 'separator' };
      if (item.kind === 'checkbox') {
        return {
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          click: () => this.onAction(item.action),
        };
      }
      return { label: item.label, enabled: item.enabled ?? true, click: () => this.onAction(item.action) };
    });
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
