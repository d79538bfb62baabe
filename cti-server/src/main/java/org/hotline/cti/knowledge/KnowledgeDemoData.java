package org.hotline.cti.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Demo articles of a gas and water utility hotline (mostly Traditional Chinese, some English),
 * seeded at the first start of the embedded default when the knowledge base is empty.
 */
public final class KnowledgeDemoData {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);

    // title | category | tags (comma-separated) | body | standard answer
    private static final String[][] ARTICLES = {
        {"燃氣漏氣的緊急處理", "燃氣安全", "燃氣,緊急,漏氣",
            "客戶聞到燃氣味或聽到嘶嘶聲，可能是燃氣漏氣。請客戶立即關閉燃氣表前總閥，打開門窗通風，切勿開關電器、使用明火或在室內打電話。"
                + "記錄地址、聯絡電話及漏氣位置，建立「燃氣漏氣緊急」工單並即時派單給搶修隊，搶修隊須於30分鐘內到場。",
            "您好，請您先關閉燃氣總閥，打開門窗，不要開關任何電器，並離開室內到安全地方。我們的搶修人員會盡快到場，請保持電話暢通。"},
        {"燃氣熱水器點不着火", "燃氣報修", "燃氣,熱水器,報修",
            "先確認燃氣表是否有餘額、總閥是否打開、其他爐具是否正常。若只有熱水器無法點火，多為電池沒電或點火針故障。"
                + "若所有爐具都無法點火，可能是區域停氣或減壓閥故障，查詢停氣預告後再派單。",
            "請您先檢查熱水器的電池及燃氣閥門是否打開。如仍無法點火，我們會為您安排維修人員上門檢查。"},
        {"爐具火焰呈黃色或紅色", "燃氣安全", "燃氣,爐具,一氧化碳",
            "正常燃氣火焰應為藍色。火焰發黃、發紅或冒黑煙表示燃燒不完全，可能產生一氧化碳。請客戶停止使用，保持通風，並安排檢查爐具及風門。",
            "火焰發黃代表燃燒不完全，為了您的安全，請先停止使用並保持通風，我們會安排師傅上門檢查。"},
        {"一氧化碳中毒的徵狀與處理", "燃氣安全", "燃氣,一氧化碳,緊急",
            "頭痛、頭暈、噁心、嗜睡都可能是一氧化碳中毒。請客戶立即離開室內，打開門窗，如有人昏迷須即時致電急救。同時建立緊急工單。",
            "請您馬上離開室內到空氣流通的地方，如有人不適請立即召喚救護車，我們會即時派員處理。"},
        {"停氣預告的查詢", "停氣", "燃氣,停氣,通知",
            "計劃停氣會提前三天以公告、短信及上門通知。客戶查詢時，請在通知公告中按地址或片區查找停氣時間及預計恢復時間。",
            "您所在的片區於公告時間內計劃停氣，預計恢復時間已在通知中列明，恢復供氣前請關閉所有爐具閥門。"},
        {"恢復供氣後的安全檢查", "停氣", "燃氣,停氣,安全",
            "恢復供氣後，客戶須確認所有爐具閥門關閉，再開啟總閥。首次點火前讓空氣排出，如點火困難不可反覆嘗試，應聯絡維修。",
            "供氣已經恢復，請先確認爐具閥門關閉再開總閥，如點火有困難請聯絡我們，不要反覆嘗試。"},
        {"燃氣表讀數異常或走得太快", "抄表", "燃氣,燃氣表,抄表",
            "先核對最近兩期讀數及用氣習慣（季節、熱水器使用）。如讀數明顯跳升，可能是抄錯或表具故障，可申請覆核抄表或校驗表具。",
            "我們會先為您覆核讀數，如有需要會安排人員上門檢查燃氣表，結果會以電話通知您。"},
        {"水錶讀數異常", "抄表", "供水,水錶,抄表",
            "水費突然增加，先請客戶關閉家中所有用水點，觀察水錶是否仍在轉動。若仍轉動，多為內部水管漏水，須客戶自行聘請水喉匠維修；如水錶本身故障則派單更換。",
            "請您先關閉家中所有水龍頭，看看水錶是否仍在轉動。如仍轉動，可能是屋內水管漏水。"},
        {"街道水管爆裂（爆管）", "供水報修", "供水,爆管,緊急",
            "客戶報告路面大量冒水或水管爆裂，屬緊急事件。記錄準確位置（路名、門牌、附近地標），建立「漏水緊急」工單並通知管網搶修隊，同時評估是否需要區域停水。",
            "多謝您的通知，我們已記錄位置並即時通知搶修隊前往處理，請您遠離冒水位置。"},
        {"停水及水壓低", "供水報修", "供水,停水,水壓",
            "先查詢是否有計劃停水或維修停水。若無，詢問是否整幢大廈受影響：單一住戶多為內部問題，整區受影響則建立工單派給管網部門。",
            "我們正在查詢您所在地區的供水情況，如屬維修停水，預計恢復時間為公告所列時間。"},
        {"自來水混濁或有異味", "水質", "供水,水質",
            "水質問題須記錄顏色、氣味、開始時間及影響範圍。請客戶放水數分鐘觀察是否改善；若持續，建立水質工單，安排取水樣化驗。",
            "請您先放水數分鐘，如情況持續我們會安排同事上門取水樣化驗，化驗期間請暫停飲用。"},
        {"繳費方式", "收費", "繳費,帳單",
            "可經銀行自動轉賬、網上銀行、便利店、營業廳櫃枱及手機應用程式繳費。繳費後一至兩個工作天更新帳戶。",
            "您可以通過銀行自動轉賬、網上銀行、便利店或營業廳繳費，款項約一至兩個工作天入帳。"},
        {"欠費停氣及恢復", "收費", "燃氣,欠費,停氣",
            "欠費超過兩期會發出催繳通知，逾期未繳可暫停供氣。客戶繳清欠款後，可申請恢復供氣，一般於一個工作天內安排。",
            "您的帳戶目前有欠款，繳清後我們會於一個工作天內為您安排恢復供氣。"},
        {"帳單金額爭議", "收費", "帳單,欠費,投訴",
            "先核對戶號、計費期、讀數及單價。如讀數有疑問，可申請覆核抄表；如確認多收，由收費部門辦理退款或下期抵扣。建立「欠費爭議」工單跟進。",
            "我們已記錄您的查詢，會覆核讀數及計費，並於三個工作天內回覆您。"},
        {"燃氣價格及階梯收費", "收費", "燃氣,價格",
            "住宅燃氣按年度用氣量分三檔階梯計價，商業用戶單一價格。價格調整會提前公告。詳細單價以最新公告為準。",
            "住宅燃氣按用量分階梯收費，最新單價以本公司公告為準，我可以為您查詢您目前的檔位。"},
        {"新裝燃氣申請（報裝）", "報裝", "燃氣,報裝,開戶",
            "新裝須提供業權證明、身份證明及安裝地址。流程：申請、現場勘查、設計報價、繳費、施工、通氣驗收。一般需時十五至二十個工作天。",
            "新裝燃氣需要提供業權及身份證明，我們會安排勘查，整個流程約十五至二十個工作天。"},
        {"開戶及過戶", "開戶", "開戶,過戶",
            "新住戶入住須辦理開戶或過戶，提供身份證明及租約或業權證明，並結清舊戶欠款。可於營業廳或網上辦理。",
            "辦理過戶請帶備身份證明及租約或業權證明，舊戶如有欠款須先結清。"},
        {"銷戶（停止用氣用水）", "銷戶", "銷戶",
            "客戶遷出須申請銷戶，預約抄表員抄最終讀數，結算費用後退回按金。",
            "我們會為您預約最終抄表，結算後按金會退回您指定的帳戶。"},
        {"預約上門服務", "預約", "預約,上門",
            "可預約時段為週一至週六上午、下午兩段。記錄客戶方便時間及聯絡人，工單類型選「預約」。如需改期請至少提前一天通知。",
            "已為您預約上門時間，師傅到達前會先致電您，如需改期請提前一天通知我們。"},
        {"投訴處理規範用語", "投訴", "投訴,規範用語",
            "接到投訴時先致歉，複述客戶問題確認理解，說明處理流程及回覆時限（一般三個工作天）。不可推卸責任或與客戶爭辯。建立投訴工單，結案後必須回訪。",
            "非常抱歉給您帶來不便，我已經詳細記錄您的意見，會在三個工作天內給您回覆。"},
        {"服務態度投訴", "投訴", "投訴,服務",
            "客戶投訴工作人員態度，須記錄人員姓名或工號、時間、地點及經過。此類投訴為保密投訴，只限有投訴權限的人員查看。",
            "多謝您的反映，我們會嚴肅跟進，處理結果會在三個工作天內回覆您。"},
        {"燃氣安全檢查（入戶安檢）", "燃氣安全", "燃氣,安檢",
            "每兩年一次免費入戶安全檢查，檢查喉管、膠管、爐具及通風。安檢員持證件上門，客戶可致電熱線核實身份。",
            "我們的安檢員會出示證件，如有懷疑您可以致電熱線核實，安檢服務是免費的。"},
        {"膠管老化更換", "燃氣安全", "燃氣,膠管",
            "燃氣膠管建議每兩年更換，發現龜裂、變硬或鬆脫須立即更換。可預約師傅上門，費用按收費表。",
            "膠管有老化跡象時請盡快更換，我可以為您預約師傅上門。"},
        {"冬季水錶防凍", "供水報修", "供水,水錶,防凍",
            "寒流時露天水錶及水管可能結冰爆裂。建議用保溫材料包裹，夜間保持少量流水。已凍結時切勿用明火或熱水直接澆淋。",
            "天氣寒冷請為水錶及外露水管做好保溫，如已結冰請不要用熱水直接澆淋。"},
        {"二次供水（大廈水箱）", "水質", "供水,水箱,水質",
            "大廈水箱由物業管理負責清洗，一般每季一次。如水箱導致水質問題，請客戶聯絡物業，同時可建立工單由水質部門抽檢。",
            "大廈水箱由物業管理負責清洗，我們亦會安排水質抽檢，結果會通知您。"},
        {"工單進度查詢", "工單", "工單,查詢",
            "按工單號、來電號碼或地址查詢工單，告知客戶目前狀態（已派單、處理中、已完成）及負責部門。逾時未處理的工單可催辦。",
            "您的工單目前由相關部門處理中，我已為您催辦，處理後會再通知您。"},
        {"催辦規範", "工單", "工單,催辦,規範用語",
            "客戶催促時，先查看工單時限：未逾期則告知預計時間；已預警或逾期則執行催辦，催辦會記錄並通知負責人。",
            "我已經為您的工單催辦，負責同事會盡快處理，請您耐心等候。"},
        {"Gas leak: what to tell the caller", "Gas safety", "gas,emergency,leak",
            "If a caller smells gas, ask them to turn off the gas meter valve, open windows and doors, leave the building "
                + "and not switch any lights or appliances on or off. Create an emergency work order; the crew must arrive within 30 minutes.",
            "Please turn off the gas valve, open the windows and leave the building. Do not touch any switches. Our crew is on the way."},
        {"Paying your bill", "Billing", "billing,payment",
            "Bills can be paid by bank autopay, online banking, convenience stores, the service counter or the mobile app. Payments show on the account within two working days.",
            "You can pay by autopay, online banking, at a convenience store or at our counter."},
        {"Water pipe burst on the street", "Water repair", "water,burst,emergency",
            "Record the exact location (street, number, landmark), create a water-leak emergency work order and notify the network crew. Decide whether the area supply must be shut off.",
            "Thank you for reporting it. A crew is on its way; please keep away from the water."},
        {"Moving house: opening and closing an account", "Accounts", "account,moving",
            "New occupants open or transfer the account with proof of identity and a tenancy or ownership document. Leaving customers book a final meter reading; the deposit is refunded after settlement.",
            "Please bring your ID and tenancy agreement; we will book the final reading for the previous account."},
        {"Complaint handling wording", "Complaints", "complaint,standard wording",
            "Apologise first, repeat the problem back to confirm, explain the process and the reply time (three working days). Never argue. Every closed complaint gets a follow-up call.",
            "I am sorry for the trouble. I have recorded your complaint and we will reply within three working days."},
    };

    private KnowledgeDemoData() {}

    /** The demo articles, as drafts. */
    public static List<Article> articles() {
        List<Article> list = new ArrayList<>();
        for (String[] a : ARTICLES) {
            list.add(Article.draft(a[0], a[1], Arrays.asList(a[2].split(",")), a[3], a[4]));
        }
        return list;
    }

    /** Seeds the demo articles when the knowledge base has none; true when it did. */
    public static boolean seedIfEmpty(KnowledgeBase knowledge) {
        requireNonNull(knowledge, "knowledge");
        if (knowledge.articleCount() > 0) {
            return false;
        }
        List<Article> saved = knowledge.saveAll(articles(), "demo");
        log.info("demo knowledge base seeded: {} articles", saved.size());
        return true;
    }
}
