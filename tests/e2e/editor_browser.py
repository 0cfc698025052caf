"""Debian's chromium driven by Selenium (chromium-driver, python3-selenium) for the alignment
editor's tests and benchmark: one headless browser with its own profile, HOME and download
folder inside a scratch directory, no network use (the driver is /usr/bin/chromedriver, never
downloaded). Used by editor_chromium.py and editor_bench.py."""
import os
import shutil
import subprocess
import sys
import time


def missing():
    """What is missing to run a browser test, or ''."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium"
    if not chromium:
        return "chromium"
    if not driver:
        return "chromium-driver"
    return ""


def skip_or_fail(what):
    """Exit 77 (skip) where a package is missing, but 1 (fail) when TILMASH_REQUIRE_BROWSER is
    set: .ci/run sets it, so a skip there is a failure."""
    if os.environ.get("TILMASH_REQUIRE_BROWSER"):
        print(f"FAIL: {what} is not installed, and TILMASH_REQUIRE_BROWSER is set (CI)", file=sys.stderr)
        sys.exit(1)
    print(f"SKIP: {what} is not installed (apt-get install chromium chromium-driver python3-selenium)")
    sys.exit(77)


def start(scratch, downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for sub in ("home", "config", "cache"):
        os.makedirs(os.path.join(scratch, sub), exist_ok=True)
    os.environ["HOME"] = os.path.join(scratch, "home")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(scratch, "config")
    os.environ["XDG_CACHE_HOME"] = os.path.join(scratch, "cache")
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-extensions", "--disable-dev-shm-usage", "--window-size=1400,1000",
              f"--user-data-dir={scratch}/profile", f"--crash-dumps-dir={scratch}/crash"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
    })
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    service = Service(executable_path=driver_path, log_path=os.path.join(scratch, "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.set_script_timeout(300)
    return driver


def wait_ready(driver, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return document.documentElement.getAttribute('data-review')") == "ready":
            return
        time.sleep(0.05)
    raise RuntimeError("the page's script did not finish (no data-review=ready)")


def wait_file(path, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and os.path.getsize(path) > 0 and not os.path.exists(path + ".crdownload"):
            return True
        time.sleep(0.05)
    return False


def console(driver):
    """Console messages of the page (errors, CSP reports, warnings)."""
    return [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)
