import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { AppState } from '../../shared/app-state';
import type { Translator } from '../../shared/i18n/translator';
import { badgeModel, trayLook, trayTooltip } from '../core/present/badge-model';
import { type MenuAction, type MenuItemModel, menuModel, menuSignature } from '../core/present/menu-model';
import { trayBehaviour } from '../core/present/tray-behaviour';
import { BADGE_SIZES, rasterBadge, rasterTemplate } from '../core/raster/badge-raster';
import { encodePng } from '../core/raster/png';

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
  private readonly behaviour;
  private menu: Menu | null = null;
  private menuKey = '';
  private imageKey = JSON.stringify(['template']);

  constructor(
    private readonly platform: NodeJS.Platform,
    private readonly onAction: (action: MenuAction) => void,
    onClick: () => void,
  ) {
    this.behaviour = trayBehaviour(platform);
    this.tray = new Tray(image(rasterTemplate, platform === 'darwin'));
    if (this.behaviour.leftClickToggles) this.tray.on('click', onClick);
    if (this.behaviour.rightClickPopsMenu) {
      this.tray.on('right-click', () => {
        if (this.menu) this.tray.popUpContextMenu(this.menu);
      });
    }
  }

  get bounds() {
    return this.tray.getBounds();
  }

  update(state: AppState, tr: Translator): void {
    const choice = state.settings.badge;
    const badge = badgeModel(tr, state.accounts, state.paused, choice);
    const look = trayLook(badge, this.platform, choice);
    if (look.title !== null) this.tray.setTitle(look.title);
    const key = JSON.stringify([look.icon, badge.text, badge.tone, badge.stale]);
    if (key !== this.imageKey) {
      // macOS tints a template icon for its menu bar; a drawn badge keeps its own colours.
      this.tray.setImage(
        look.icon === 'template'
          ? image(rasterTemplate, this.platform === 'darwin')
          : image((size) => rasterBadge(badge, size), false),
      );
    }
    this.imageKey = key;
    // The tooltip is also what screen readers say for the icon: its first line is the state in words.
    this.tray.setToolTip(trayTooltip(badge.tooltip, this.platform));
    this.updateMenu(
      menuModel(tr, {
        accounts: state.accounts,
        paused: state.paused,
        launchAtLogin: state.launchAtLogin,
        launchAtLoginAvailable: state.launchAtLoginAvailable,
        platform: this.platform,
        ...(choice ? { badge: choice } : {}),
        updates: state.updates,
      }),
    );
  }

  /** Setting a menu closes the one a person has open, so it is rebuilt only when what it says changes. */
  private updateMenu(items: MenuItemModel[]): void {
    const key = menuSignature(items);
    if (key === this.menuKey && this.menu) return;
    this.menuKey = key;
    const template: MenuItemConstructorOptions[] = items.map((item) => {
      if (item.kind === 'separator') return { type: 'separator' };
      const click = () => this.onAction(item.action);
      if (item.kind === 'checkbox') {
        return {
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled ?? true,
          // A checkbox item flips itself when clicked (Electron's MenuItem docs): the menu is built again from the
          // state once the action is done, so it shows what happened (an OS that held a login item back), not the
          // flip.
          click: () => {
            this.menuKey = '';
            click();
          },
        };
      }
      return { label: item.label, enabled: item.enabled ?? true, click };
    });
    this.menu = Menu.buildFromTemplate(template);
    if (this.behaviour.attachMenu) this.tray.setContextMenu(this.menu);
  }

  destroy(): void {
    this.tray.destroy();
  }
}
